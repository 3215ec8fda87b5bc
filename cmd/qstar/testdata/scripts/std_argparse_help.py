import argparse
p = argparse.ArgumentParser(prog="sensor", description="Read sensors.", epilog="See the docs.",
                            formatter_class=argparse.ArgumentDefaultsHelpFormatter)
p.add_argument("--port", required=True, metavar="DEV", help="serial port")
p.add_argument("--baud", type=int, default=115200, help="baud rate")
p.add_argument("--very-long-option-name", help="something long")
p.add_argument("--version", action="version", version="%(prog)s 1.0")
grp = p.add_argument_group("network", "Network settings")
grp.add_argument("--host", default="127.0.0.1", help="broker host")
grp.add_argument("--no-tls", dest="tls", action="store_false", help="plain TCP")
p.print_help()
print(p.parse_args(["--port", "/dev/ttyUSB0", "--no-tls"]))
try:
    p.parse_args([])
except SystemExit as e:
    print("exit", e.code)
try:
    p.parse_args(["--version"])
except SystemExit as e:
    print("exit", e.code)
p2 = argparse.ArgumentParser(prog="x")
p2.add_argument("nums", nargs=2, type=int)
p2.add_argument("--pair", nargs=2)
p2.add_argument("--opt", nargs="?", const="C", default="D")
print(p2.parse_args(["1", "2"]), p2.parse_args(["3", "4", "--pair", "a", "b", "--opt"]), p2.parse_args(["5", "6", "--opt", "v"]))
p2.print_help()
