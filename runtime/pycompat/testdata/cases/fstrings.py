name = 'qstar'
v = 2.5
items = [1, 2]
print(f'hello {name}', f"{v:.3f}", f'{v!r}', F'{len(items)} items')
print(f'{{literal}} {name.upper()} {items[0] + items[1]}', f'{v=}')
print(f'{"nested"} {name:>8}|', rf'raw\n{name}')
print(f'{2 ** 5} {v is None}')
