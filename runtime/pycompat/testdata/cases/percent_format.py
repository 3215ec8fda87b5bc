print('%d items' % 5, '%s=%s' % ('a', 1), '%5.1f|' % 3.14159, '%-10s|' % 'left')
print('%03d %x %X %o %e %g %%' % (7, 255, 255, 8, 1234.5, 0.5))
print('%r %s' % ('q', b'b'), '%(name)s is %(age)d' % {'name': 'x', 'age': 3})
print('%+d %5s %-5d| %.3s' % (3, 'ab', 4, 'abcdef'), '%c%c' % (65, 'b'))
fmt = 'v=%.2f'
print(fmt % 2, 7 % 3, -7 % 3, 7.5 % 2)
print('%s' % [1, 2], '%s' % (None,), '%#x %#o' % (255, 8))
