use std::process::ExitCode;

use kolega::cli;
use kolega::config::Config;

fn main() -> ExitCode {
    return_large_allocations_to_the_system();
    if let Err(message) = init_logging() {
        eprintln!("kolega: configuration error: {message}");
        return ExitCode::from(2);
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = match cli::parse(&args) {
        Ok(command) => command,
        Err(message) => {
            eprintln!("kolega: {message}\n\n{}", cli::USAGE);
            return ExitCode::from(2);
        }
    };
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(error) => {
            eprintln!("kolega: configuration error: {error}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("kolega: cannot start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(cli::run(command, config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("kolega: {error:#}");
            ExitCode::FAILURE
        }
    }
}

/// glibc raises its mmap threshold after large blocks are freed, so the
/// 19 MiB of each password hash came to live in per-thread arenas that
/// never shrink (2.1 GiB after a burst of sign-ins in `cargo bench`). A
/// fixed threshold keeps blocks over 1 MiB mmapped and returned on free.
fn return_large_allocations_to_the_system() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1024 * 1024);
    }
}

/// Compact logs by default, JSON with `LOG_FORMAT=json`; `RUST_LOG` filters.
fn init_logging() -> Result<(), String> {
    use tracing_subscriber::EnvFilter;
    let filter = match std::env::var("RUST_LOG") {
        Ok(value) if !value.trim().is_empty() => EnvFilter::try_new(&value).map_err(|_| {
            format!("RUST_LOG: a filter such as `info` or `kolega=debug,sqlx=warn` (got {value:?})")
        })?,
        _ => EnvFilter::new("info,sqlx=warn"),
    };
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if std::env::var("LOG_FORMAT").is_ok_and(|f| f == "json") {
        builder.json().init();
    } else {
        builder.compact().init();
    }
    Ok(())
}
