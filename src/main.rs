//! The `baocao` binary: parse arguments, run, map the outcome to an exit status.

mod cli;

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::Parser;

use baocao::dataset::{Fields, InputFormat};
use baocao::run::{Config, compile_glob, run, with_output_file};
use baocao::{EncodingChoice, Kind, KindSet};
use cli::{Cli, Command, ExtractArgs};

fn main() -> ExitCode {
    let Command::Extract(args) = Cli::parse().command;
    match extract(args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(2),
        // A reader that went away (`| head`) is no error: stop quietly.
        Err(e)
            if e.downcast_ref::<io::Error>()
                .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            let _ = writeln!(io::stderr(), "baocao: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn config(args: ExtractArgs) -> anyhow::Result<Config> {
    let mut cfg = Config::new(args.paths);
    cfg.format = args.format;
    cfg.output = args.output;
    let glob = args.glob.unwrap_or_else(|| {
        match args.input_format {
            Some(InputFormat::Jsonl) => "*.{jsonl,ndjson}",
            Some(InputFormat::Csv) => "*.csv",
            _ => "*.txt",
        }
        .to_string()
    });
    cfg.glob = compile_glob(&glob).with_context(|| format!("bad --glob {glob:?}"))?;
    cfg.input_format = args.input_format;
    cfg.fields = Fields {
        text: args.text_field,
        id: args.id_field,
    };
    cfg.stdin_name = args.stdin_name;
    if let Some(n) = args.threads {
        cfg.threads = n.max(1);
    }
    cfg.bom = args.bom;
    cfg.max_file_size = args.max_file_size;
    cfg.quiet = args.quiet;
    cfg.options.decode.lossy = args.lossy;
    cfg.options.decode.encoding = match EncodingChoice::parse(&args.encoding) {
        Some(e) => e,
        None => bail!(
            "unknown --encoding {:?} (auto, utf-8, utf-16le, utf-16be, windows-1258)",
            args.encoding
        ),
    };
    if !args.kinds.is_empty() {
        let kinds = args
            .kinds
            .iter()
            .map(|k| {
                Kind::parse(k.trim()).with_context(|| format!("unknown kind {k:?} in --kinds"))
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        cfg.options.kinds = KindSet::of(&kinds);
    }
    Ok(cfg)
}

/// Ok(true) when every input was read.
fn extract(args: ExtractArgs) -> anyhow::Result<bool> {
    let cfg = config(args)?;
    let mut stderr = io::stderr().lock();
    let summary = match &cfg.output {
        Some(path) => with_output_file(path, |w| run(&cfg, w, &mut stderr))
            .with_context(|| format!("writing {}", path.display()))?,
        None => {
            let stdout = io::BufWriter::with_capacity(1 << 18, io::stdout().lock());
            run(&cfg, stdout, &mut stderr)?.0
        }
    };
    Ok(summary.failed == 0)
}
