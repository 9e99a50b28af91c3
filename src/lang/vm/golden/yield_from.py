def inner(n):
    for i in range(n):
        got = yield i
        if got:
            print("inner got", got)
    return "inner-done"
def outer():
    r = yield from inner(3)
    print("inner returned", r)
    yield from [10, 20]
    yield "last"
g = outer()
print(next(g), g.send("hello"), next(g), next(g), next(g), next(g))
print(list(outer()))
def gen_squares(n):
    yield from (x * x for x in range(n))
print(sum(gen_squares(5)))
