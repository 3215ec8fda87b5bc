# exit: 1
def parse(raw):
    try:
        return int(raw)
    except ValueError:
        raise


def main():
    values = ['1', '2', 'x']
    return [parse(v) for v in values]


main()
