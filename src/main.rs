//! The `intake` binary: a thin front over the library.
fn main() -> std::process::ExitCode {
    intake::cli::main()
}
