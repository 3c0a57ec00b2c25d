//! Command-line arguments (clap derive). Only options live here; `run::Config` is what they
//! resolve to.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use baocao::internals::InputFormat;
use baocao::{Encoding, Format, Kind};

const EXTRACT_EXAMPLES: &str = "Examples:
  baocao extract articles/                          JSON Lines on stdout, one record per line
  baocao extract articles/ --format csv -o out.csv  a spreadsheet (add --bom for Excel)
  baocao extract a.txt b.txt --format json | jq '.[] | select(.kind==\"percentage\")'
  baocao extract articles/ --kinds admission,target | jq -r '[.file,.value,.period] | @tsv'
  cat a.txt | baocao extract -                      read standard input
  baocao extract corpus.jsonl --text-field body     an article per JSON line; file is corpus.jsonl#ID
  cat part.jsonl | baocao extract - --input-format jsonl --stdin-name corpus.jsonl   a streaming mapper

Exit status: 0 all inputs read; 1 a fatal error (bad output path, write error); 2 some input
failed (its path and reason are on stderr) or the arguments were wrong.";

const REVIEW_EXAMPLES: &str = "Examples:
  baocao review articles/ -o review.html            open review.html in any browser (works offline)
  baocao review corpus.jsonl -o review.html         one section per dataset row";

const DIFF_EXAMPLES: &str = "Examples:
  baocao extract articles/ > old.jsonl              (upgrade baocao, then:)
  baocao extract articles/ > new.jsonl
  baocao diff old.jsonl new.jsonl                   + appeared, - disappeared, ~ changed
  baocao diff old.jsonl new.jsonl -f jsonl | jq 'select(.change==\"changed\") | .fields'

Exit status: 0 the same records; 1 they differ; 2 a file could not be read.";

const COMPLETIONS_EXAMPLES: &str = "Examples:
  baocao completions bash > ~/.local/share/bash-completion/completions/baocao
  baocao completions zsh > ~/.zfunc/_baocao        (with fpath+=~/.zfunc before compinit)
  baocao completions fish > ~/.config/fish/completions/baocao.fish
  baocao completions powershell >> $PROFILE";

const SUMMARY_EXAMPLES: &str = "Examples:
  baocao summary articles/                          an aligned table for the terminal
  baocao summary articles/ --format csv -o summary.csv
  baocao summary articles/ --merge --format csv -o provinces.csv   one row per (organization, period)
  baocao summary articles/ --format jsonl | jq 'select(.check | startswith(\"mismatch\"))'";

#[derive(Debug, Parser)]
#[command(
    name = "baocao",
    version,
    about = "Structured, source-grounded records from Vietnamese articles on Party building"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract admissions, targets, percentages, dates, directives and membership totals.
    #[command(after_help = EXTRACT_EXAMPLES)]
    Extract(ExtractArgs),
    /// Write one self-contained HTML page showing every record highlighted in its article.
    #[command(after_help = REVIEW_EXAMPLES)]
    Review(ReviewArgs),
    /// One row per (file, organization, period): admitted, target, achievement %, membership,
    /// with arithmetic checks.
    #[command(after_help = SUMMARY_EXAMPLES)]
    Summary(SummaryArgs),
    /// Print the cues that give counts their kind (admission, target, membership), one row each
    /// with its example, as tab-separated text.
    Extractors,
    /// What changed between two runs' records (JSON Lines or JSON): records that appeared,
    /// disappeared or changed, matched by file, kind and span. Exit 1 when they differ.
    #[command(after_help = DIFF_EXAMPLES)]
    Diff(DiffArgs),
    /// Shell completions on stdout.
    #[command(after_help = COMPLETIONS_EXAMPLES)]
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// The manual page (roff) on stdout.
    #[command(after_help = "Example:\n  baocao man > ~/.local/share/man/man1/baocao.1")]
    Man,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The earlier run's records.
    #[arg(value_name = "OLD")]
    pub old: PathBuf,

    /// The later run's records.
    #[arg(value_name = "NEW")]
    pub new: PathBuf,

    /// Output format: a line per change, or a JSON object per change.
    #[arg(short, long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,

    /// No count of changes on stderr.
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// `+` appeared, `-` disappeared, `~` changed (with each field's old and new value).
    Text,
    /// `{"change": "appeared"|"disappeared"|"changed", "old": …, "new": …, "fields": […]}`.
    Jsonl,
}

/// Where the articles come from and how they are read (shared by every command).
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files or folders (walked recursively); `-` reads standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Which files to take from folders; repeat it for more. Default: `*.txt` in any case (or
    /// `*.jsonl`, `*.ndjson`, `*.csv` with --input-format). Files named on the command line are
    /// always read.
    #[arg(long, value_name = "GLOB", value_parser = glob)]
    pub glob: Vec<String>,

    /// Like --glob, matching names in any case (`--iglob '*.txt'` takes a.TXT).
    #[arg(long, value_name = "GLOB", value_parser = glob)]
    pub iglob: Vec<String>,

    /// How inputs are read: text (a file per article), jsonl or csv (an article per row).
    /// Default: by extension (.jsonl/.ndjson, .csv, else text); stdin is text unless given.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormat>,

    /// Dataset field (or CSV column) holding the article, tried in order.
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "text,content",
        value_name = "NAMES"
    )]
    pub text_field: Vec<String>,

    /// Dataset field holding the row's id, shown in `file` as FILE#ID (else FILE#LINE).
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "id,url",
        value_name = "NAMES"
    )]
    pub id_field: Vec<String>,

    /// The name standard input gets in `file` (for rows: NAME#ID).
    #[arg(long, default_value = "-", value_name = "NAME")]
    pub stdin_name: String,

    /// Input encoding.
    #[arg(
        long,
        value_enum,
        ignore_case = true,
        default_value = "auto",
        value_name = "NAME"
    )]
    pub encoding: Encoding,

    /// Replace invalid UTF-8 with U+FFFD instead of reporting the file.
    #[arg(long)]
    pub lossy: bool,

    /// Skip (and report) files larger than this: bytes, or with a suffix K, M, G (KiB, MiB, GiB:
    /// powers of 1024) or KB, MB, GB (powers of 1000).
    #[arg(long, default_value = "256MiB", value_name = "SIZE", value_parser = size)]
    pub max_file_size: u64,

    /// Only these kinds, comma-separated (any case).
    #[arg(
        short,
        long,
        value_enum,
        ignore_case = true,
        value_delimiter = ',',
        value_name = "KINDS"
    )]
    pub kinds: Vec<Kind>,

    /// Worker threads (default: all cores). The output is the same for any number.
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,

    /// No progress bar and no summary line on stderr.
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,

    /// Write to FILE (through a temporary file, renamed when complete) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Start CSV output with a UTF-8 byte order mark, for Excel.
    #[arg(long)]
    pub bom: bool,

    /// Write CSV text cells as they are. By default a cell a spreadsheet would run as a formula
    /// (starting with =, +, -, @) gets a leading ' ; readers that are not spreadsheets (pandas,
    /// DuckDB) do not need it.
    #[arg(long)]
    pub no_formula_guard: bool,
}

#[derive(Debug, Args)]
pub struct ReviewArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// The HTML file to write.
    #[arg(short, long, value_name = "FILE", default_value = "review.html")]
    pub output: PathBuf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SummaryFormat {
    /// An aligned table for a terminal.
    Table,
    Csv,
    Jsonl,
}

#[derive(Debug, Args)]
pub struct SummaryArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = SummaryFormat::Table)]
    pub format: SummaryFormat,

    /// One row per (organization, period) across all files, with how many articles report it
    /// and the figures they disagree on.
    #[arg(long)]
    pub merge: bool,

    /// Write to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// A glob as `--glob` takes it, checked when the arguments are read so a bad one exits 2.
fn glob(pattern: &str) -> Result<String, String> {
    globset::Glob::new(pattern)
        .map(|_| pattern.to_string())
        .map_err(|e| e.kind().to_string())
}

/// A size: `1000`, `64K`, `1M`, `256MiB`, `1.5G`, `10MB`; K/M/G and KiB/MiB/GiB are powers of 1024,
/// KB/MB/GB powers of 1000.
pub fn size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let (number, suffix) = text.split_at(split);
    let unit: u64 = match suffix.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kib" => 1 << 10,
        "m" | "mib" => 1 << 20,
        "g" | "gib" => 1 << 30,
        "kb" => 1_000,
        "mb" => 1_000_000,
        "gb" => 1_000_000_000,
        _ => {
            return Err(format!(
                "unknown unit {suffix:?} (use K, M, G, KiB, MiB, GiB, KB, MB or GB)"
            ));
        }
    };
    let bytes = number
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite() && *n >= 0.0)
        .map(|n| n * unit as f64)
        .ok_or_else(|| format!("{text:?} is not a size (e.g. 1000, 64K, 256MiB, 1.5G)"))?;
    if bytes >= u64::MAX as f64 {
        return Err(format!("{text:?} is too large"));
    }
    Ok(bytes.round() as u64)
}

#[cfg(test)]
mod tests {
    use super::size;

    #[test]
    fn sizes_in_bytes_and_units() {
        let cases = [
            ("1000", Some(1000)),
            ("64K", Some(64 << 10)),
            ("1M", Some(1 << 20)),
            ("256MiB", Some(256 << 20)),
            ("1.5G", Some(3 << 29)),
            ("10MB", Some(10_000_000)),
            ("2 kb", Some(2000)),
            ("0", Some(0)),
            ("1X", None),
            ("M", None),
            ("-5", None),
            ("1e400", None),
        ];
        for (text, want) in cases {
            assert_eq!(size(text).ok(), want, "{text}");
        }
    }
}
