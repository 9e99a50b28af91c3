//! What the playground knowingly leaves out, with the reason a program is told: standard
//! modules it does not provide, third-party packages, and parts of `asyncio` that need
//! threads, sockets or processes (docs/language.md lists the same).

/// Why standard or third-party module `name` cannot be imported (None: unknown name).
pub fn module_reason(name: &str) -> Option<String> {
    let top = name.split('.').next().unwrap_or(name);
    let why = match top {
        "threading" | "_thread" | "multiprocessing" | "concurrent" | "queue" => {
            "the playground runs on the page's only thread (no threads or processes); use asyncio tasks"
        }
        "subprocess" | "os" | "pathlib" | "shutil" | "tempfile" | "glob" | "io" | "signal"
        | "select" | "selectors" | "socket" | "ssl" | "sqlite3" | "http" | "urllib" | "email" => {
            "programs cannot reach files, processes or the network from the browser tab"
        }
        "abc" | "typing_extensions" => "it needs metaclasses, which the playground does not support",
        "json" | "re" | "datetime" | "logging" | "decimal" | "fractions" | "statistics"
        | "string" | "textwrap" | "copy" | "pprint" | "inspect" | "traceback" | "warnings"
        | "weakref" | "pickle" | "struct" | "hashlib" | "base64" | "uuid" | "csv" | "argparse"
        | "unittest" | "array" | "numbers" => {
            "only asyncio, random, time, math, sys, typing, dataclasses, enum, collections, functools, itertools, operator, heapq, bisect and contextlib are available"
        }
        "aiohttp" | "requests" | "httpx" | "aiofiles" | "uvloop" | "trio" | "anyio" | "numpy"
        | "pandas" | "websockets" | "aiosqlite" | "asyncpg" | "redis" | "tqdm" | "rich" => {
            "third-party packages cannot be installed in the playground"
        }
        _ => return None,
    };
    Some(format!(
        "the '{name}' module is not available in the playground: {why}"
    ))
}

/// Why `asyncio.<name>` (or a loop method) is missing, when it is a real part of asyncio.
pub fn asyncio_reason(name: &str) -> Option<String> {
    let why = match name {
        "to_thread"
        | "run_in_executor"
        | "run_coroutine_threadsafe"
        | "wrap_future"
        | "call_soon_threadsafe"
        | "set_default_executor" => "there are no threads in the playground",
        "open_connection"
        | "start_server"
        | "open_unix_connection"
        | "start_unix_server"
        | "create_connection"
        | "create_server"
        | "create_datagram_endpoint"
        | "sock_connect"
        | "sock_recv"
        | "sock_sendall"
        | "getaddrinfo"
        | "add_reader"
        | "add_writer"
        | "StreamReader"
        | "StreamWriter"
        | "Protocol"
        | "DatagramProtocol"
        | "Server"
        | "BaseTransport"
        | "Transport" => "programs cannot use the network from the browser tab",
        "create_subprocess_exec"
        | "create_subprocess_shell"
        | "subprocess_exec"
        | "subprocess_shell"
        | "add_signal_handler" => "programs cannot start processes or handle signals",
        "new_event_loop"
        | "set_event_loop"
        | "Runner"
        | "run_until_complete"
        | "run_forever"
        | "get_event_loop_policy"
        | "set_event_loop_policy"
        | "EventLoop"
        | "SelectorEventLoop"
        | "AbstractEventLoop"
        | "BaseEventLoop" => {
            "the playground runs programs with asyncio.run(main()), one loop at a time"
        }
        "eager_task_factory" | "create_eager_task_factory" | "set_task_factory" => {
            "eager tasks and task factories are not modelled"
        }
        "capture_call_graph" | "format_call_graph" | "print_call_graph" => {
            "the playground's await tree panel shows the call graph instead"
        }
        _ => return None,
    };
    Some(format!(
        "asyncio.{name} is not supported in the playground: {why}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_name_the_construct() {
        let m = module_reason("concurrent.futures").unwrap_or_default();
        assert!(m.starts_with("the 'concurrent.futures' module is not available"));
        assert!(module_reason("asyncio").is_none());
        let a = asyncio_reason("to_thread").unwrap_or_default();
        assert_eq!(
            a,
            "asyncio.to_thread is not supported in the playground: there are no threads in the playground"
        );
        assert!(asyncio_reason("sleep").is_none());
    }
}
