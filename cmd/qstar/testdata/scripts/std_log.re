^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\]\[App\]\[INFO\] network ready 1$
^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\]\[App\]\[ERROR\] publish failed: \{'rc': -1\}$
