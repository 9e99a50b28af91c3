def rec(n):
    return rec(n + 1)
try:
    rec(0)
except RecursionError as e:
    print("recursion:", e)
print(undefined_name)
