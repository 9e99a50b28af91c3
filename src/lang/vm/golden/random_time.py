import random
random.seed(42)
print(random.random(), random.randint(1, 10), random.uniform(0.5, 2.0), random.choice("abcdef"))
xs = list(range(10))
random.shuffle(xs)
print(xs, random.randrange(0, 100, 5), random.sample(range(100), 5), random.getrandbits(40))
random.seed(12345678901234567890)
print([random.randint(1, 6) for _ in range(10)])
random.seed(0)
print(random.random())
import time
t0 = time.monotonic()
time.sleep(0.5)
print(round(time.monotonic() - t0, 3))
