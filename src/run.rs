//! A whole run: walk the inputs in sorted order, extract files on worker threads, and write each
//! file's records in input order as soon as its turn comes.
//!
//! A file that cannot be read or decoded costs one stderr line and a failure count; the run goes
//! on. Memory is bounded by a window of files in flight, whatever the corpus size.

use std::collections::{BTreeMap, VecDeque};
use std::fs;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crossbeam_channel::{bounded, unbounded};
use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use indicatif::{ProgressBar, ProgressStyle};
use walkdir::WalkDir;

use crate::dataset::{self, Fields, InputFormat, Row};
use crate::message::reason;
pub use crate::output::file::with_output_file;
use crate::output::{Format, Sink};
use crate::pipeline::Options;

/// Files in flight (read, extracted or waiting for their turn to be written) at most.
const WINDOW: usize = 256;

/// Worker threads at most, whatever `--threads` asks: more than the files in flight would only
/// wait, and starting millions of threads took longer than any run.
pub const MAX_THREADS: usize = WINDOW;

/// A resolved run configuration.
#[derive(Debug, Clone)]
pub struct Config {
    pub paths: Vec<PathBuf>,
    pub format: Format,
    pub output: Option<PathBuf>,
    pub options: Options,
    /// Which files to take from folders.
    pub glob: GlobSet,
    pub threads: usize,
    pub bom: bool,
    /// Prefix CSV cells a spreadsheet would run as a formula with `'`.
    pub formula_guard: bool,
    pub max_file_size: u64,
    pub quiet: bool,
    /// How inputs are read; `None` picks by extension (stdin: text).
    pub input_format: Option<InputFormat>,
    pub fields: Fields,
    /// The name standard input gets in records (`-` unless set).
    pub stdin_name: String,
}

impl Config {
    /// A configuration with defaults for everything but the paths.
    pub fn new(paths: Vec<PathBuf>) -> Self {
        Config {
            paths,
            format: Format::Jsonl,
            output: None,
            options: Options::default(),
            glob: compile_globs(&[], &["*.txt"]).expect("default glob"),
            threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
            bom: false,
            formula_guard: true,
            max_file_size: 256 * 1024 * 1024,
            quiet: false,
            input_format: None,
            fields: Fields::default(),
            stdin_name: "-".to_string(),
        }
    }
}

/// The file names matching any of `globs`, or any of `iglobs` in any case.
pub fn compile_globs(globs: &[&str], iglobs: &[&str]) -> Result<GlobSet, globset::Error> {
    let mut set = GlobSetBuilder::new();
    for (pattern, any_case) in globs
        .iter()
        .map(|g| (g, false))
        .chain(iglobs.iter().map(|g| (g, true)))
    {
        set.add(
            GlobBuilder::new(pattern)
                .case_insensitive(any_case)
                .build()?,
        );
    }
    set.build()
}

/// `1 document`, `2 documents`.
pub fn plural(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

/// What a run did, for the summary line and the exit status.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub records: usize,
    pub failed: usize,
    pub bytes: u64,
}

/// One document to read: a file, standard input, or a row of a dataset (already read).
#[derive(Debug)]
enum Source {
    File(PathBuf),
    Stdin,
    Row(Row),
}

/// An input the walk found, or the reason a path could not be walked.
type Job = Result<Source, String>;

/// Part of a document's output: rendered records, and on its last part (`done`) the input size
/// or the error line for stderr. A huge file gives many parts, written as they come.
struct Outcome {
    chunk: Vec<u8>,
    records: usize,
    bytes: u64,
    error: Option<String>,
    done: bool,
}

fn display(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

impl Config {
    fn format_of(&self, path: &Path) -> InputFormat {
        self.input_format
            .unwrap_or_else(|| InputFormat::from_path(path))
    }

    /// True when rows stream from stdin, so each row's records are flushed as soon as written.
    fn streams_rows(&self) -> bool {
        self.paths.iter().any(|p| p.as_os_str() == "-")
            && matches!(
                self.input_format,
                Some(InputFormat::Jsonl | InputFormat::Csv)
            )
    }
}

/// The rows of a dataset file (or stdin), each a job.
fn dataset_jobs<'a>(
    cfg: &'a Config,
    path: &Path,
    format: InputFormat,
) -> Box<dyn Iterator<Item = Job> + 'a> {
    let (reader, name): (Box<dyn io::BufRead>, String) = if path.as_os_str() == "-" {
        (
            Box::new(io::BufReader::new(io::stdin())),
            cfg.stdin_name.clone(),
        )
    } else {
        match fs::File::open(path) {
            Ok(f) => (
                Box::new(io::BufReader::with_capacity(1 << 16, f)),
                display(path),
            ),
            Err(e) => {
                return Box::new(std::iter::once(Err(format!(
                    "{}: {}",
                    display(path),
                    reason(&e)
                ))));
            }
        }
    };
    Box::new(
        dataset::rows(reader, format, name, &cfg.fields, cfg.max_file_size)
            .map(|row| row.map(Source::Row)),
    )
}

/// Walks the command-line paths in order, folders recursively in sorted order; a dataset file
/// gives one job per row.
fn walk<'a>(cfg: &'a Config) -> impl Iterator<Item = Job> + 'a {
    cfg.paths
        .iter()
        .flat_map(move |path| -> Box<dyn Iterator<Item = Job>> {
            if path.as_os_str() == "-" {
                return match cfg.input_format {
                    Some(f @ (InputFormat::Jsonl | InputFormat::Csv)) => dataset_jobs(cfg, path, f),
                    _ => Box::new(std::iter::once(Ok(Source::Stdin))),
                };
            }
            match fs::metadata(path) {
                Err(e) => Box::new(std::iter::once(Err(format!(
                    "{}: {}",
                    display(path),
                    reason(&e)
                )))),
                Ok(m) if !m.is_dir() => match cfg.format_of(path) {
                    InputFormat::Text => Box::new(std::iter::once(Ok(Source::File(path.clone())))),
                    f => dataset_jobs(cfg, path, f),
                },
                Ok(_) => Box::new(
                    WalkDir::new(path)
                        .follow_links(true)
                        .sort_by_file_name()
                        .into_iter()
                        .filter_map(move |entry| match entry {
                            Ok(e) if e.file_type().is_dir() => None,
                            Ok(e) if !cfg.glob.is_match(e.file_name()) => None,
                            Ok(e) if e.file_type().is_file() => Some(Ok(e.into_path())),
                            // A FIFO would block the run and a device never end: files named
                            // on the command line are read as streams, but not these.
                            Ok(e) => Some(Err(format!(
                                "{}: not a regular file, skipped",
                                display(e.path())
                            ))),
                            Err(e) => {
                                let at = e.path().map_or_else(|| display(path), display);
                                let reason = match e.loop_ancestor() {
                                    Some(a) => {
                                        format!("symlink loop back to {}, not followed", display(a))
                                    }
                                    None => e.io_error().map_or_else(|| e.to_string(), reason),
                                };
                                Some(Err(format!("{at}: {reason}")))
                            }
                        })
                        .flat_map(move |found| -> Box<dyn Iterator<Item = Job>> {
                            match found {
                                Err(e) => Box::new(std::iter::once(Err(e))),
                                Ok(p) => match cfg.format_of(&p) {
                                    InputFormat::Text => {
                                        Box::new(std::iter::once(Ok(Source::File(p))))
                                    }
                                    f => dataset_jobs(cfg, &p, f),
                                },
                            }
                        }),
                ),
            }
        })
}

fn read_source(source: &Source, cfg: &Config) -> Result<(String, Vec<u8>), String> {
    let max = cfg.max_file_size;
    match source {
        Source::Stdin => {
            let bytes = read_bounded(io::stdin().lock(), "-", max, 0)?;
            Ok((cfg.stdin_name.clone(), bytes))
        }
        Source::Row(row) => Ok((row.name.clone(), row.text.clone().into_bytes())),
        Source::File(path) => {
            let name = display(path);
            let fail = |e: io::Error| format!("{name}: {}", reason(&e));
            // One open and one fstat: the size check and the read share the handle.
            let file = fs::File::open(path).map_err(fail)?;
            let len = file.metadata().map_err(fail)?.len();
            if len > max {
                return Err(format!(
                    "{name}: {len} bytes is larger than --max-file-size ({max}), skipped"
                ));
            }
            let bytes = read_bounded(file, &name, max, len as usize + 1)?;
            Ok((name, bytes))
        }
    }
}

/// Reads all of `reader` when it holds at most `max` bytes, else fails without reading more:
/// a FIFO or device named on the command line has no size to check first (`/dev/zero` never
/// ends), and a file may grow after its size was checked.
fn read_bounded(
    reader: impl Read,
    name: &str,
    max: u64,
    capacity: usize,
) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::with_capacity(capacity);
    reader
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{name}: {}", reason(&e)))?;
    if bytes.len() as u64 > max {
        return Err(format!(
            "{name}: larger than --max-file-size ({max} bytes), skipped"
        ));
    }
    Ok(bytes)
}

/// Why `output` must not be written, if it is one of the inputs: a path named (standard input
/// included) that is the same file, or a file a walked folder takes. Writing it would overwrite
/// what the run reads, so the run is refused before it reads anything.
pub fn output_is_input(cfg: &Config, output: &Path) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let target = crate::output::file::resolve(output).ok()?;
    let out = fs::metadata(&target).ok().filter(fs::Metadata::is_file)?;
    let refused = |input: &Path| {
        Some(format!(
            "-o {}: is the input {}, not overwritten",
            display(output),
            display(input)
        ))
    };
    for input in &cfg.paths {
        let named = match input.as_os_str() == "-" {
            true => Path::new("/dev/stdin"),
            false => input.as_path(),
        };
        match fs::metadata(named) {
            Ok(m) if m.is_dir() => {
                let walked = fs::canonicalize(&target)
                    .ok()
                    .zip(fs::canonicalize(input).ok())
                    .is_some_and(|(t, dir)| t.starts_with(dir));
                if walked && target.file_name().is_some_and(|n| cfg.glob.is_match(n)) {
                    return refused(input);
                }
            }
            Ok(m) if m.dev() == out.dev() && m.ino() == out.ino() => return refused(input),
            _ => {}
        }
    }
    None
}

/// Every document of the inputs in order, with its decoded text (for the review and summary
/// commands), or the error line for one that could not be read.
pub fn documents(
    cfg: &Config,
) -> impl Iterator<Item = Result<(String, crate::Document), String>> + '_ {
    walk(cfg).map(move |job| {
        let (name, bytes) = read_source(&job?, cfg)?;
        let doc = crate::extract_document(&name, &bytes, &cfg.options)
            .map_err(|e| format!("{name}: {e}"))?;
        Ok((name, doc))
    })
}

/// Reads and extracts one job, handing its output to `emit` part by part; an `Err` from `emit`
/// (the writer has gone) stops it.
fn process(
    job: Job,
    cfg: &Config,
    emit: &mut dyn FnMut(Outcome) -> io::Result<()>,
) -> io::Result<()> {
    let last = |bytes: u64, error: Option<String>| Outcome {
        chunk: Vec::new(),
        records: 0,
        bytes,
        error,
        done: true,
    };
    let read = job.and_then(|source| read_source(&source, cfg));
    let (name, bytes) = match read {
        Ok(read) => read,
        Err(e) => return emit(last(0, Some(e))),
    };
    let mut sent = Ok(());
    let extracted = crate::pipeline::extract_stream(&name, &bytes, &cfg.options, |records, _| {
        if sent.is_err() {
            return;
        }
        // Each record repeats its file, text and sentence; sized once, the chunk is not copied as
        // it grows (that was 2 % of a run). The rest of a JSON record (names, values, the fact
        // fields) takes 380 bytes on average, 500 at most, on the perf corpus and fixtures/corpus.
        let size: usize = records
            .iter()
            .map(|r| r.file.len() + r.text.len() + r.sentence.len() + 448)
            .sum();
        let mut chunk = Vec::with_capacity(size);
        sent = match cfg.format.render(&records, cfg.formula_guard, &mut chunk) {
            Ok(()) => emit(Outcome {
                chunk,
                records: records.len(),
                bytes: 0,
                error: None,
                done: false,
            }),
            Err(e) => Err(e),
        };
    });
    sent?;
    match extracted {
        Ok(()) => emit(last(bytes.len() as u64, None)),
        Err(e) => emit(last(0, Some(format!("{name}: {e}")))),
    }
}

/// Writes outcomes in order to the sink and their errors to `errors`.
struct Writer<'a, W: Write, E: Write> {
    sink: Sink<W>,
    errors: &'a mut E,
    summary: Summary,
    progress: Option<ProgressBar>,
    /// Flush after every document (rows streaming through a pipe to Spark or GNU parallel).
    flush_each: bool,
}

impl<W: Write, E: Write> Writer<'_, W, E> {
    fn put(&mut self, outcome: Outcome) -> io::Result<()> {
        self.summary.files += usize::from(outcome.done);
        self.summary.records += outcome.records;
        self.summary.bytes += outcome.bytes;
        if let Some(error) = outcome.error {
            self.summary.failed += 1;
            let line = format!("baocao: {error}\n");
            match &self.progress {
                Some(bar) => bar.suspend(|| diagnose(self.errors, &line)),
                None => diagnose(self.errors, &line),
            }
        }
        if let Some(bar) = self.progress.as_ref().filter(|_| outcome.done) {
            bar.inc(1);
            let secs = bar.elapsed().as_secs_f64().max(1e-3);
            bar.set_message(format!(
                "{:.1} MB/s",
                self.summary.bytes as f64 / 1e6 / secs
            ));
        }
        self.sink.write_chunk(&outcome.chunk)?;
        if self.flush_each && outcome.done {
            self.sink.flush()?;
        }
        Ok(())
    }
}

/// Runs extraction over `cfg.paths`, writing records to `out` and per-file errors to `errors`.
/// Returns the summary; an `Err` is a write error on `out` (a closed pipe among them). Errors
/// writing to `errors` are ignored.
pub fn run<W: Write, E: Write>(cfg: &Config, out: W, errors: &mut E) -> io::Result<(Summary, W)> {
    let started = Instant::now();
    let progress = (!cfg.quiet && io::stderr().is_terminal()).then(|| progress_bar(cfg));
    let mut writer = Writer {
        sink: Sink::start(cfg.format, out, cfg.bom)?,
        errors,
        summary: Summary::default(),
        progress,
        flush_each: cfg.streams_rows(),
    };
    let threads = cfg.threads.clamp(1, MAX_THREADS);
    if threads == 1 || !run_parallel(cfg, &mut writer, threads)? {
        for job in walk(cfg) {
            process(job, cfg, &mut |outcome| writer.put(outcome))?;
        }
    }
    if let Some(bar) = &writer.progress {
        bar.finish_and_clear();
    }
    let summary = writer.summary.clone();
    let out = writer.sink.finish()?;
    if !cfg.quiet {
        let secs = started.elapsed().as_secs_f64().max(1e-9);
        let line = format!(
            "baocao: {}, {}, {} failed, {:.1} MB in {:.2}s ({:.1} MB/s)\n",
            plural(summary.files, "document"),
            plural(summary.records, "record"),
            summary.failed,
            summary.bytes as f64 / 1e6,
            secs,
            summary.bytes as f64 / 1e6 / secs
        );
        diagnose(writer.errors, &line);
    }
    Ok((summary, out))
}

/// Writes a line to the diagnostics stream, ignoring a failure to (as ripgrep does): a full or
/// closed stderr must never cost the output nor change the exit status.
fn diagnose(errors: &mut impl Write, line: &str) {
    let _ = errors.write_all(line.as_bytes());
}

/// The walk feeds numbered jobs to workers; the calling thread puts finished files back in
/// order. A token per file in flight bounds memory to [`WINDOW`] files. Runs on the threads that
/// could be started (saying so when fewer than `threads`); false, with nothing done, when not even
/// one worker and the walk could.
fn run_parallel<W: Write, E: Write>(
    cfg: &Config,
    writer: &mut Writer<'_, W, E>,
    threads: usize,
) -> io::Result<bool> {
    let (job_tx, job_rx) = bounded::<(usize, Job)>(WINDOW);
    let (done_tx, done_rx) = unbounded::<(usize, Outcome)>();
    let (token_tx, token_rx) = bounded::<()>(WINDOW);
    for _ in 0..WINDOW {
        token_tx.send(()).expect("fresh channel");
    }
    std::thread::scope(|scope| {
        let mut workers = 0;
        let mut failure = None;
        for _ in 0..threads {
            let (job_rx, done_tx) = (job_rx.clone(), done_tx.clone());
            let spawned = std::thread::Builder::new().spawn_scoped(scope, move || {
                for (seq, job) in job_rx {
                    let mut send = |outcome| {
                        done_tx
                            .send((seq, outcome))
                            .map_err(|_| io::Error::from(io::ErrorKind::BrokenPipe))
                    };
                    if process(job, cfg, &mut send).is_err() {
                        return; // the writer stopped
                    }
                }
            });
            if let Err(e) = spawned {
                failure = Some(e);
                break;
            }
            workers += 1;
        }
        drop((job_rx, done_tx));
        // The walk starts only with a worker to take its jobs (it may read rows from stdin, which
        // the run on one thread would then miss). A walk that could not be started drops its
        // channel end, which ends the workers.
        let walker = (workers > 0).then(|| {
            std::thread::Builder::new().spawn_scoped(scope, move || {
                for (seq, job) in walk(cfg).enumerate() {
                    if token_rx.recv().is_err() || job_tx.send((seq, job)).is_err() {
                        return; // the writer stopped
                    }
                }
            })
        });
        if let Some(Err(e)) = walker {
            (workers, failure) = (0, Some(e));
        }
        if let Some(e) = failure {
            let running = match workers {
                0 => "running on one thread".to_string(),
                n => format!("running {n} of {threads} worker threads"),
            };
            diagnose(
                writer.errors,
                &format!(
                    "baocao: could not start a thread ({}), {running}\n",
                    reason(&e)
                ),
            );
        }
        if workers == 0 {
            return Ok(false);
        }
        // Parts waiting for their document's turn; the current document's parts go straight out.
        let mut pending: BTreeMap<usize, VecDeque<Outcome>> = BTreeMap::new();
        let mut next = 0;
        let result = (|| {
            for (seq, outcome) in &done_rx {
                pending.entry(seq).or_default().push_back(outcome);
                while let Some(outcome) = pending.get_mut(&next).and_then(VecDeque::pop_front) {
                    let done = outcome.done;
                    writer.put(outcome)?;
                    if done {
                        pending.remove(&next);
                        next += 1;
                        let _ = token_tx.send(());
                    }
                }
            }
            Ok(true)
        })();
        // On a write error, closing the channels stops the walk and the workers.
        drop(token_tx);
        drop(done_rx);
        result
    })
}

fn progress_bar(cfg: &Config) -> ProgressBar {
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} {pos}/{len} files  {msg}  ETA {eta}  {elapsed_precise}",
        )
        .expect("progress template"),
    );
    // Count the inputs on the side (names only, no reading) so the bar has a total and an ETA.
    let (counter, mut cfg) = (bar.clone(), cfg.clone());
    cfg.input_format = Some(InputFormat::Text);
    let counting = std::thread::Builder::new().spawn(move || {
        for _ in walk(&cfg) {
            counter.inc_length(1);
        }
    });
    // The steady tick starts a thread of its own and panics when it cannot: where this one could
    // not be started, the bar moves only as files are done.
    if counting.is_ok() {
        bar.enable_steady_tick(Duration::from_millis(200));
    }
    bar
}
