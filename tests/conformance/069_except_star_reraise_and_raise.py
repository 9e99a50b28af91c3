class AppError(Exception):
    pass


class DbError(AppError):
    pass


class NetError(AppError):
    pass


def work():
    raise ExceptionGroup("jobs", [DbError("db down"), NetError("timeout"), ValueError("bad input")])


try:
    try:
        work()
    except* DbError as g:
        print("handle db:", [str(e) for e in g.exceptions])
    except* AppError as g:
        print("handle other app errors:", [str(e) for e in g.exceptions])
        raise
except ExceptionGroup as eg:
    print("propagated:", repr(eg))

try:
    try:
        work()
    except* NetError:
        raise RuntimeError("replaced")
except ExceptionGroup as eg:
    print("new exception inside except* joins the group:", repr(eg))
    for e in eg.exceptions:
        print("  ", type(e).__name__, e)
