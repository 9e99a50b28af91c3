class Oops(Exception):
    pass
try:
    {}["missing"]
except KeyError:
    raise Oops("bad thing")
