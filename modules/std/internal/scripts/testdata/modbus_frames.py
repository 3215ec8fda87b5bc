# Build and parse Modbus RTU frames the way meter-reading scripts do.
import ustruct
import ubinascii


def crc16(data):
    crc = 0xFFFF
    for b in data:
        crc ^= b
        for _ in range(8):
            if crc & 1:
                crc = (crc >> 1) ^ 0xA001
            else:
                crc >>= 1
    return crc


def read_request(slave, start, count):
    body = ustruct.pack('>BBHH', slave, 0x03, start, count)
    return body + ustruct.pack('<H', crc16(body))


req = read_request(1, 0x0010, 2)
print(ubinascii.hexlify(req), len(req))

# a reply: slave 1, function 3, 4 data bytes: one uint16 and one int16
payload = ustruct.pack('>BBBHh', 1, 3, 4, 2301, -45)
reply = payload + ustruct.pack('<H', crc16(payload))
slave, func, nbytes = ustruct.unpack_from('>BBB', reply)
volts, temp = ustruct.unpack_from('>Hh', reply, 3)
(crc,) = ustruct.unpack('<H', reply[-2:])
print(slave, func, nbytes, volts / 10, temp / 10, crc == crc16(reply[:-2]))

buf = bytearray(8)
ustruct.pack_into('<If', buf, 0, 123456, 2.5)
print(buf, ustruct.unpack('<If', buf), ustruct.calcsize('<If'))
hdr = ustruct.Struct('>HHI')
print(hdr.size, hdr.unpack(hdr.pack(1, 2, 3)))
for rec in ustruct.iter_unpack('<hB', b'\x01\x00\x07\xff\xff\x08'):
    print(rec)
