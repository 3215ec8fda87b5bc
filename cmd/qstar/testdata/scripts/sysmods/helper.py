print("helper runs")
value = 1
