import base64
import hmac
import time
from urllib.parse import quote
# 场景 res参数格式 示例 说明
# API访问 products/{pid} products/123123
# 设备连接 products/{pid}/devices/{device_name} products/123123/devices/mydev 需使用设备级密钥
product = 0
device = 1
TYPE = device
# TYPE 用于选择一型一密,还是一机一密
def token(id, access_key, deviceName=None):
    global product
    global device
    global TYPE
    version = '2018-10-31'
    if TYPE == product:
        res = 'products/%s' % id # 通过产品ID访问产品API
    elif TYPE == device:
        res = ('products/%s/devices/%s' % (id, deviceName))
    # 用户自定义token过期时间
    et = str(int(time.time()) + 36000000)
    # 签名方法,支持md5、sha1、sha256
    method = 'sha1'
    # 对access_key进行decode
    key = base64.b64decode(access_key)
    # 计算sign
    org = et + '\n' + method + '\n' + res + '\n' + version
    sign_b = hmac.new(key=key, msg=org.encode(), digestmod=method)
    sign = base64.b64encode(sign_b.digest()).decode()
    # value 部分进行url编码,method/res/version值较为简单无需编码
    sign = quote(sign, safe='')
    res = quote(res, safe='')
    # token参数拼接
    token = 'version=%s&res=%s&et=%s&method=%s&sign=%s' % (
        version, res, et, method, sign)
    return token
if __name__ == '__main__':
    # MQTT
    id = '469948' # 产品ID
    if TYPE == product:
        access_key = 'kKsubaG7FzMgzR6N3eUD53319Qu+K4MCvw6KzOYc5eI=' # 产品access_key
    elif TYPE == device:
        access_key = 'rs2FaE5BuygJZkWKDA5okKt1RFpwOx53hbu6hwyCS4U=' # 设备access_key
    deviceName = 'Chic_D'
    print(token(id, access_key, deviceName))
