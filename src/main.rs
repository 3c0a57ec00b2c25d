//! The `baocao` binary: parse arguments, run, map the outcome to an exit status.

mod cli;
mod diff;

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use clap::{CommandFactory, Parser};

use baocao::internals::{
    Config, Document, Fields, InputFormat, KindSet, compile_globs, documents, output_is_input,
    plural, reason, review, run, summarize_file, with_output_file,
};
use baocao::{
    MERGED_SUMMARY_COLUMNS, MergedRow, SUMMARY_COLUMNS, SummaryRow, merge_summary,
    merged_summary_table, summary_table,
};
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
        Command::Extractors => io::stdout()
            .write_all(baocao::internals::cue_table().as_bytes())
            .map(|()| true)
            .map_err(anyhow::Error::from),
        Command::Diff(args) => return compare(args),
        Command::Completions { shell } => {
            // Written to memory first: clap_complete panics on a write error (`| head`).
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "baocao", &mut script);
            io::stdout()
                .write_all(&script)
                .map(|()| true)
                .map_err(anyhow::Error::from)
        }
        Command::Man => clap_mangen::Man::new(Cli::command())
            .render(&mut io::stdout())
            .map(|()| true)
            .map_err(anyhow::Error::from),
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

/// The run's configuration, and its globs as written for the message of a run that reads nothing.
fn config(input: InputArgs) -> anyhow::Result<(Config, String)> {
    let mut cfg = Config::new(input.paths);
    let globs: Vec<&str> = input.glob.iter().map(String::as_str).collect();
    let mut iglobs: Vec<&str> = input.iglob.iter().map(String::as_str).collect();
    if globs.is_empty() && iglobs.is_empty() {
        iglobs.push(match input.input_format {
            Some(InputFormat::Jsonl) => "*.{jsonl,ndjson}",
            Some(InputFormat::Csv) => "*.csv",
            _ => "*.txt",
        });
    }
    cfg.glob = compile_globs(&globs, &iglobs).context("bad --glob")?;
    let patterns: Vec<String> = globs
        .iter()
        .map(|g| format!("--glob '{g}'"))
        .chain(iglobs.iter().map(|g| format!("--iglob '{g}'")))
        .collect();
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
    Ok((cfg, patterns.join(", ")))
}

/// After a run that read no document, says why on stderr: how many files in the folders the
/// globs left out, with a few of their names.
fn explain_no_documents(cfg: &Config, globs: &str) {
    let skipped: Vec<String> = cfg
        .paths
        .iter()
        .filter(|p| p.is_dir())
        .flat_map(|p| {
            walkdir::WalkDir::new(p)
                .follow_links(true)
                .sort_by_file_name()
        })
        .filter_map(Result::ok)
        .filter(|e| !e.file_type().is_dir() && !cfg.glob.is_match(e.file_name()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    let message = match skipped.len() {
        0 => "0 documents: no files to read".to_string(),
        n => format!(
            "0 documents: {} not match {globs} (e.g. {}); name other files with --glob or --iglob",
            match n {
                1 => "1 file did".to_string(),
                n => format!("{n} files did"),
            },
            skipped
                .iter()
                .take(3)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    let _ = writeln!(io::stderr(), "baocao: {message}");
}

/// Ok(true) when every input was read.
fn extract(args: cli::ExtractArgs) -> anyhow::Result<bool> {
    let (mut cfg, globs) = config(args.input)?;
    cfg.format = args.format;
    cfg.output = args.output;
    cfg.bom = args.bom;
    cfg.formula_guard = !args.no_formula_guard;
    if refused(&cfg, cfg.output.as_deref()) {
        return Ok(false);
    }
    // Not locked for the whole run: the progress bar draws on stderr from its own thread.
    let mut stderr = io::stderr();
    let summary = match &cfg.output {
        Some(path) => with_output_file(path, |w| run(&cfg, w, &mut stderr))
            .map_err(|e| cannot_write(path, &e))?,
        None => {
            // A small buffer: a file's records, rendered into one chunk, mostly outgrow it and
            // are written as they are instead of being copied into it.
            let stdout = io::BufWriter::new(io::stdout().lock());
            run(&cfg, stdout, &mut stderr)?.0
        }
    };
    if summary.files == 0 {
        explain_no_documents(&cfg, &globs);
    }
    Ok(summary.failed == 0)
}

/// Reads every document, handing each to `take` and reporting failures on stderr; true when all
/// were read.
fn read_each(cfg: &Config, globs: &str, mut take: impl FnMut(String, Document)) -> bool {
    let (mut read, mut all_read) = (0, true);
    for doc in documents(cfg) {
        match doc {
            Ok((name, d)) => {
                read += 1;
                take(name, d);
            }
            Err(e) => {
                all_read = false;
                let _ = writeln!(io::stderr(), "baocao: {e}");
            }
        }
    }
    if read == 0 && all_read {
        explain_no_documents(cfg, globs);
    }
    all_read
}

fn review(args: cli::ReviewArgs) -> anyhow::Result<bool> {
    let (cfg, globs) = config(args.input)?;
    if refused(&cfg, Some(&args.output)) {
        return Ok(false);
    }
    let mut docs = Vec::new();
    let all_read = read_each(&cfg, &globs, |name, d| docs.push((name, d)));
    write_file(&args.output, |mut w| review::write_page(&mut w, &docs))?;
    if !cfg.quiet {
        let records: usize = docs.iter().map(|(_, d)| d.records.len()).sum();
        // A failing stderr costs nothing (see `run::run`).
        let _ = writeln!(
            io::stderr(),
            "baocao: {}, {} → {}",
            plural(docs.len(), "article"),
            plural(records, "record"),
            args.output.display()
        );
    }
    Ok(all_read)
}

fn summarize(args: cli::SummaryArgs) -> anyhow::Result<bool> {
    let (cfg, globs) = config(args.input)?;
    if refused(&cfg, args.output.as_deref()) {
        return Ok(false);
    }
    // Each document is summarized as it is read and then dropped: only the rows are kept.
    let mut rows: Vec<SummaryRow> = Vec::new();
    let all_read = read_each(&cfg, &globs, |_, d| rows.extend(summarize_file(&d.records)));
    let body = |w: &mut dyn Write| -> io::Result<()> {
        if args.merge {
            let merged = merge_summary(&rows);
            let cells: Vec<_> = merged.iter().map(MergedRow::cells).collect();
            let table = || merged_summary_table(&merged);
            write_rows(
                w,
                args.format,
                MERGED_SUMMARY_COLUMNS,
                &merged,
                &cells,
                table,
            )
        } else {
            let cells: Vec<_> = rows.iter().map(SummaryRow::cells).collect();
            let table = || summary_table(&rows);
            write_rows(w, args.format, SUMMARY_COLUMNS, &rows, &cells, table)
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

/// Summary rows as a table, JSON Lines or CSV.
fn write_rows<R: serde::Serialize, const N: usize>(
    w: &mut dyn Write,
    format: SummaryFormat,
    columns: [&str; N],
    rows: &[R],
    cells: &[[String; N]],
    table: impl FnOnce() -> String,
) -> io::Result<()> {
    match format {
        SummaryFormat::Table => w.write_all(table().as_bytes()),
        SummaryFormat::Jsonl => rows.iter().try_for_each(|r| {
            serde_json::to_writer(&mut *w, r)?;
            w.write_all(b"\n")
        }),
        SummaryFormat::Csv => {
            let mut csv = csv::Writer::from_writer(w);
            csv.write_record(columns)?;
            for c in cells {
                csv.write_record(c)?;
            }
            csv.flush()
        }
    }
}

/// True (and said on stderr) when the output is one of the inputs.
fn refused(cfg: &Config, output: Option<&Path>) -> bool {
    let refusal = output.and_then(|path| output_is_input(cfg, path));
    if let Some(refusal) = &refusal {
        let _ = writeln!(io::stderr(), "baocao: {refusal}");
    }
    refusal.is_some()
}

/// `baocao diff`: 0 the same records, 1 they differ, 2 a file could not be read.
fn compare(args: cli::DiffArgs) -> ExitCode {
    let read = |path: &Path| {
        diff::read(path).map_err(|e| {
            let _ = writeln!(io::stderr(), "baocao: {e:#}");
        })
    };
    let (Ok(old), Ok(new)) = (read(&args.old), read(&args.new)) else {
        return ExitCode::from(2);
    };
    let changes = diff::changes(&old, &new);
    let mut out = io::BufWriter::new(io::stdout().lock());
    let written = changes.iter().try_for_each(|c| match args.format {
        cli::DiffFormat::Text => writeln!(out, "{}", diff::text(c)),
        cli::DiffFormat::Jsonl => writeln!(out, "{}", diff::object(c)),
    });
    if let Err(e) = written.and_then(|()| out.flush())
        && e.kind() != io::ErrorKind::BrokenPipe
    {
        let _ = writeln!(io::stderr(), "baocao: {}", reason(&e));
        return ExitCode::from(2);
    }
    if !args.quiet {
        let count = |f: fn(&diff::Change) -> bool| changes.iter().filter(|c| f(c)).count();
        let _ = writeln!(
            io::stderr(),
            "baocao: {} appeared, {} disappeared, {} changed",
            count(|c| matches!(c, diff::Change::Appeared(_))),
            count(|c| matches!(c, diff::Change::Disappeared(_))),
            count(|c| matches!(c, diff::Change::Changed(..))),
        );
    }
    ExitCode::from(u8::from(!changes.is_empty()))
}

/// `cannot write out/x.jsonl: no such file or folder`: the user's path, not the temporary file's.
fn cannot_write(path: &Path, e: &io::Error) -> anyhow::Error {
    anyhow::anyhow!("cannot write {}: {}", path.display(), reason(e))
}

fn write_file(
    path: &Path,
    body: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<()> {
    with_output_file(path, |mut w| {
        body(&mut w)?;
        Ok(((), w))
    })
    .map_err(|e| cannot_write(path, &e))
}
