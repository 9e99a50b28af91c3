def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(20))
xs = [3, 1, 2]
xs.sort()
print(xs, sorted([5, 2, 9], reverse=True), len(xs))
d = {"a": 1, "b": 2}
d["c"] = 3
for k, v in d.items():
    print(k, v, end="; ")
print()
print({1, 2, 3} | {4}, (1,), (), [[1, 2], [3]], {"x": [1, {"y": None}]})
s = "Hello, World"
print(s.lower(), s.split(", "), s[1:5], s[::-1], s[-1], f"{s!r:>20}|")
print(f"{3.14159:.2f} {42:05d} {1234567:,} {0.5:%} {255:#x}")
print("%s is %d years, %.1f%%" % ("Bob", 30, 99.5))
class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} makes a sound"
    def __repr__(self):
        return f"Animal({self.name!r})"
class Dog(Animal):
    def speak(self):
        return super().speak() + " (woof)"
a = Dog("Rex")
print(a.speak(), a, [a], isinstance(a, Animal), type(a).__name__)
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter()
c(); c()
print(c())
print([x * x for x in range(5) if x % 2 == 0], {x: x + 1 for x in range(3)}, {x % 3 for x in range(10)})
print(sum(x for x in range(101)), max([3, 7, 2]), min("bca"), any([0, 0, 1]), all([]))
try:
    1 / 0
except ZeroDivisionError as e:
    print("caught", e, repr(e))
finally:
    print("finally")
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)
print(f(1, c=3), f(1, 2, 3, 4, c=5, e=6))
x = lambda y: y * 2
print(x(21), list(map(str, [1, 2])), list(filter(None, [0, 1, 2])), list(zip("ab", [1, 2])))
print(list(enumerate("abc", 1)), list(reversed([1, 2, 3])))
a, *b, c = range(5)
print(a, b, c)
print(1 < 2 < 3, 1 < 3 < 2, not None, 5 if True else 6)
if (n := 10) > 5:
    print("walrus", n)
i = 0
while True:
    i += 1
    if i == 3:
        continue
    if i > 5:
        break
else:
    print("no")
print(i)
for i in range(3):
    pass
else:
    print("for-else", i)
print(divmod(-7, 2), round(2.5), round(3.5), round(2.675, 2), abs(-3), pow(2, 10, 1000))
print(int("ff", 16), float("1e3"), str(1.0), bool([]), hex(255), bin(5), oct(8), chr(65), ord("a"))
print(0.1 + 0.2, 1e16, 1.5e-7, 2**100, -2**63)
