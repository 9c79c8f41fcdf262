//! The `balise` command line; see `balise --help` and [`cli`].

mod cli;

fn main() {
    let exit = cli::run(std::env::args().skip(1).collect());
    std::process::exit(exit.code());
}
