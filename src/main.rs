//! The `baocao` binary: parse arguments, run, map the outcome to an exit status.

mod cli;

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;

use baocao::internals::{
    Config, Document, Fields, InputFormat, KindSet, compile_glob, documents, review, run,
    summarize_file, with_output_file,
};
use baocao::{SUMMARY_COLUMNS, SummaryRow, summary_table};
use cli::{Cli, Command, InputArgs, SummaryFormat};

/// Records and regex captures are many small allocations; mimalloc serves them faster than the
/// system allocator (bench/run.sh: 10-15 % at two threads). Built with `no_thp`: transparent huge
/// pages doubled its peak RSS.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let outcome = match Cli::parse().command {
        Command::Extract(args) => extract(args),
        Command::Review(args) => review(args),
        Command::Summary(args) => summarize(args),
    };
    match outcome {
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

fn config(input: InputArgs) -> anyhow::Result<Config> {
    let mut cfg = Config::new(input.paths);
    let glob = input.glob.unwrap_or_else(|| {
        match input.input_format {
            Some(InputFormat::Jsonl) => "*.{jsonl,ndjson}",
            Some(InputFormat::Csv) => "*.csv",
            _ => "*.txt",
        }
        .to_string()
    });
    cfg.glob = compile_glob(&glob).with_context(|| format!("bad --glob {glob:?}"))?;
    cfg.input_format = input.input_format;
    cfg.fields = Fields {
        text: input.text_field,
        id: input.id_field,
    };
    cfg.stdin_name = input.stdin_name;
    if let Some(n) = input.threads {
        cfg.threads = n.max(1);
    }
    cfg.max_file_size = input.max_file_size;
    cfg.quiet = input.quiet;
    cfg.options.decode.lossy = input.lossy;
    cfg.options.decode.encoding = input.encoding;
    if !input.kinds.is_empty() {
        cfg.options.kinds = KindSet::of(&input.kinds);
    }
    Ok(cfg)
}

/// Ok(true) when every input was read.
fn extract(args: cli::ExtractArgs) -> anyhow::Result<bool> {
    let mut cfg = config(args.input)?;
    cfg.format = args.format;
    cfg.output = args.output;
    cfg.bom = args.bom;
    // Not locked for the whole run: the progress bar draws on stderr from its own thread.
    let mut stderr = io::stderr();
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

/// Reads every document, reporting failures on stderr; the bool is true when all were read.
fn read_all(cfg: &Config) -> (Vec<(String, Document)>, bool) {
    let mut docs = Vec::new();
    let mut all_read = true;
    for doc in documents(cfg) {
        match doc {
            Ok(d) => docs.push(d),
            Err(e) => {
                all_read = false;
                let _ = writeln!(io::stderr(), "baocao: {e}");
            }
        }
    }
    (docs, all_read)
}

fn review(args: cli::ReviewArgs) -> anyhow::Result<bool> {
    let cfg = config(args.input)?;
    let (docs, all_read) = read_all(&cfg);
    write_file(&args.output, |mut w| review::write_page(&mut w, &docs))?;
    if !cfg.quiet {
        let records: usize = docs.iter().map(|(_, d)| d.records.len()).sum();
        eprintln!(
            "baocao: {} articles, {records} records → {}",
            docs.len(),
            args.output.display()
        );
    }
    Ok(all_read)
}

fn summarize(args: cli::SummaryArgs) -> anyhow::Result<bool> {
    let cfg = config(args.input)?;
    let (docs, all_read) = read_all(&cfg);
    let rows: Vec<SummaryRow> = docs
        .iter()
        .flat_map(|(_, d)| summarize_file(&d.records))
        .collect();
    let body = |w: &mut dyn Write| -> io::Result<()> {
        match args.format {
            SummaryFormat::Table => w.write_all(summary_table(&rows).as_bytes()),
            SummaryFormat::Jsonl => rows.iter().try_for_each(|r| {
                serde_json::to_writer(&mut *w, r)?;
                w.write_all(b"\n")
            }),
            SummaryFormat::Csv => {
                let mut csv = csv::Writer::from_writer(w);
                csv.write_record(SUMMARY_COLUMNS)?;
                for r in &rows {
                    csv.write_record(r.cells())?;
                }
                csv.flush()
            }
        }
    };
    match &args.output {
        Some(path) => write_file(path, body)?,
        None => {
            let mut out = io::BufWriter::new(io::stdout().lock());
            body(&mut out)?;
            out.flush()?;
        }
    }
    Ok(all_read)
}

fn write_file(
    path: &Path,
    body: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<()> {
    with_output_file(path, |mut w| {
        body(&mut w)?;
        Ok(((), w))
    })
    .with_context(|| format!("writing {}", path.display()))
}
