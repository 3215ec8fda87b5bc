from fractions import Fraction as F
import fractions, math
for e in ['F(1,2)//0','F(7,2)//1','F(7,2)%F(1,3)','divmod(F(7,2),1)','F(0)**-1','2**F(1,2)','2**F(2)','2**F(-2)','F(1,2)**F(2)','F(1,2)**-2','F(4,1)**F(1,2)','F(3,4)+0.25','1/F(3)','round(F(5,2))','round(F(7,3),2)','F(" 3/4 ")','F("1.25e-1")','F("-.5")','F(0.1)','F(0.1).limit_denominator(10)','F(3.14159).limit_denominator(100)','hash(F(2))==hash(2)','F(-7,2)//1','int(F(-7,2))','abs(F(-1,2))','F(1,-2)', 'F("1/0")',
  'F(1,2)+F(1,3)', 'F(1,2)-1', '3-F(1,2)', '2*F(3,4)', 'F(3,4)*2.0', 'F(1,3)/F(2,3)', '-F(1,2)', '+F(1,2)', 'float(F(1,3))', 'str(F(3,4))', 'str(F(4,2))', 'F(6,4).numerator', 'F(6,4).denominator',
  'F(5,4).as_integer_ratio()', 'F(10)', 'F()', 'F(F(1,2), F(1,3))', 'F("3")', 'F("1_000/3")', 'math.floor(F(-7,2))', 'math.ceil(F(7,2))', 'sum([F(1,3)]*3)', 'sorted([F(1,2), F(1,3), F(2,3)])', 'max(F(1,2), F(1,3))',
  'isinstance(F(1), F)', 'type(F(1)).__name__', 'F.from_float(0.25)', 'bool(F(0))', 'round(F(-5,2))', 'round(F(1234,1), -2)', '{F(1,2): "half"}[F(2,4)]', 'F(1,2) % 1', '1 % F(2,3)', '7 // F(2)']:
  try: print(e, repr(eval(e)))
  except Exception as x: print(e, type(x).__name__, x)
for e in ['F("x")','F(1.5,2)','F([])','F(float("inf"))','F(float("nan"))','F(1,0)', 'F(1,2)/0', 'F("1/2", 2)', 'F(1,2).limit_denominator(0)', 'F(1,2) < "a"', 'F("1.2.3")', 'F(" ")']:
  try: print(e, repr(eval(e)))
  except Exception as x: print(e, type(x).__name__, x)
x = F(0)
for i in range(1, 6): x += F(1, i)
print(x, repr(x), f"{x}", "%s" % x)
print('F(1,3)==1/3', F(1,3)==1/3)
print('F(1,2)==0.5', F(1,2)==0.5)
print('F(2)==2', F(2)==2)
print('F(1,2)<0.6', F(1,2)<0.6)
print('F(1,2)>1', F(1,2)>1)
print('0 < F(1,2) <= 1', 0 < F(1,2) <= 1)
print('F(1,2) != 0.5', F(1,2) != 0.5)
print('F(1,2) >= F(1,2)', F(1,2) >= F(1,2))
print('1 == F(1)', 1 == F(1))
print('0.5 < F(2,3)', 0.5 < F(2,3))
print('F(1,2) == "x"', F(1,2) == "x")
try:
    F(1,2) < 'a'
except TypeError as e:
    print(e)
