fn main() -> std::process::ExitCode {
    merzim::cli::main()
}
