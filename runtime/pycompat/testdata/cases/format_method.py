x = 3.14159
print('{:.2f}'.format(x), '{0:>4}'.format(7), '{name}!'.format(name='qstar'))
print('{!r} {!s}'.format('a', 'b'), '{:x} {:X} {:o} {:b}'.format(255, 255, 8, 5))
print('{:08.3f}|{:,}|{:+d}|{:^9}|{:*<6}'.format(x, 1234567, 5, 'mid', 'ab'))
print('{:e} {:g} {:g} {:%}'.format(12345.678, 0.00001234, 1e20, 0.25))
print('{} {} {}'.format(1, 'two', [3]), '{0}{1}{0}'.format('a', 'b'))
print('{:5d}|{:<5d}|{:05d}|{:#x}'.format(42, 42, -42, 255))
print('{{}} {:.1%}'.format(0.5), '{:10.3}|'.format(3.14159), '{:.3}'.format(1.0))
d = {'k': 'v'}
print('{0[k]} {1[0]}'.format(d, [9]), format(3.5, '.1f'), format(12, '04d'))
