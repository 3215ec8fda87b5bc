print(pow(3, -1, 7), pow(3, -2, 7), pow(38, -1, 97), pow(-3, -1, 7), pow(3, -1, -7), pow(5, -1, 1), pow(2, -1, 10**30 + 1))
for a in [(2, -1, 4), (0, -1, 5), (3, -1, 0), (3.0, -1, 7)]:
    try:
        print(pow(*a))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
