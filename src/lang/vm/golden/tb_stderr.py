import sys
print("to err", file=sys.stderr)
obj = None
obj.attr
