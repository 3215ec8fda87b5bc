s = 'abc'
s.nosuch()
