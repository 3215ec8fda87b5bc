import signal, time, os, sys
got = []
def on_usr1(signum, frame):
    got.append(signum)
    print("usr1", signum == signal.SIGUSR1)
print(signal.getsignal(signal.SIGUSR1), signal.signal(signal.SIGUSR1, on_usr1), signal.getsignal(signal.SIGUSR1) is on_usr1)
signal.raise_signal(signal.SIGUSR1)
time.sleep(0.2)
os.kill(os.getpid(), signal.SIGUSR1) if hasattr(os, "kill") else signal.raise_signal(signal.SIGUSR1)
time.sleep(0.2)
print(got, signal.strsignal(signal.SIGTERM), signal.SIGTERM, signal.SIG_IGN)
running = [True]
def on_term(signum, frame):
    print("terminating cleanly")
    running[0] = False
signal.signal(signal.SIGTERM, on_term)
signal.raise_signal(signal.SIGTERM)
n = 0
while running[0] and n < 50:
    time.sleep(0.02); n += 1
print("loop ended", running[0])
signal.signal(signal.SIGINT, signal.SIG_IGN)
signal.raise_signal(signal.SIGINT)
time.sleep(0.1)
print("still here")
try:
    signal.signal(signal.SIGKILL, on_term)
except OSError as e:
    print("OSError", e)
try:
    signal.signal(signal.SIGUSR2, 5)
except TypeError as e:
    print("TypeError", e)
print(signal.alarm(0))
