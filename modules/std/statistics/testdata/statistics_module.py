import statistics as s
from fractions import Fraction as F
cases = ['s.mean([1,2,3])','s.mean([1,2])','s.mean([1.0,2])','s.mean([True,2])','s.mean([F(1,2),1])','s.mean([F(1,2),1.0])','s.fmean([1,2])','s.median([3,1,2])','s.median([1,3])','s.median([1.5,2.5])','s.median_low([1,3,5,7])','s.median_high([1,3,5,7])','s.mode([1,2,2,3])','s.mode("aabbb")','s.multimode("aabbc")','s.multimode([])','s.variance([1,2,3])','s.variance([1,2,3,4])','s.variance([1.5,2.5,3.5])','s.pvariance([1,2,3,4])','s.stdev([1,2,3,4])','s.pstdev([1,2,3,4])','s.stdev([2.5,3.25,5.5,11.25])','s.variance([F(1,2),F(3,4)])','s.stdev([F(1,2),F(3,4)])','s.geometric_mean([1,2,4])','s.harmonic_mean([1,2,4])','s.mean(range(10))', 's.quantiles([1,2,3,4,5,6,7,8])', 's.quantiles(range(1, 11), n=10)', 's.quantiles([1,5,9,13], method="inclusive")', 's.stdev([1,1])', 's.variance([1,2,3], 2)', 's.pvariance([1,2,3], 2)',
 's.mean([0.1, 0.2, 0.3])', 's.fmean([0.1, 0.2, 0.3])', 's.fmean([1, 2, 3], weights=[3, 2, 1])', 's.stdev([0.1, 0.25, 0.33, 0.7])', 's.pstdev(range(100))', 's.variance([10**20, 10**20 + 2])', 's.median(["b", "a", "c"])', 's.mode([1.5, 2, 1.5])', 's.harmonic_mean([2, 0])', 's.harmonic_mean([F(1,2), F(1,4)])', 's.mean(x * 1.1 for x in range(5))']
for e in cases:
  try: print(e, repr(eval(e)))
  except Exception as x: print(e, type(x).__name__, x)
for e in ['s.mean([])','s.median([])','s.mode([])','s.variance([1])','s.stdev([1])','s.pvariance([])','s.pstdev([])','s.fmean([])','s.mean(["a"])','s.median_low([])','s.geometric_mean([])','s.harmonic_mean([-1])', 's.quantiles([1])', 's.quantiles([1, 2], n=0)', 's.quantiles([1, 2], method="x")']:
  try: print(e, repr(eval(e)))
  except Exception as x: print(e, type(x).__name__, x)
print(issubclass(s.StatisticsError, ValueError))
try:
    s.mean([])
except ValueError as e:
    print("caught", type(e).__name__, e)
