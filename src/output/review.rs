//! The review page: one self-contained HTML file (no network, no external scripts or fonts). At
//! the top, the summary table with its checks, each row linking to its article with the row's
//! figures highlighted; then the index of articles (title, date, counts per kind) in natural
//! order, with a search box over titles and text, sortable columns and filters by kind,
//! organization, period and role; then the article chosen, rendered on demand from its
//! `<template>`, every record highlighted by kind (a colour-blind-safe palette and an underline
//! style per kind), its fields in a detail box beside the text, and a table of its records. Each
//! article has its own address (`#doc-3`; `#doc-3&r=0.4` with records 0 and 4 marked), so Back and
//! Forward work and a link can point at one article.
//!
//! `#selftest` in the page's address makes it check itself (highlights against records, filters,
//! search, sorting, addresses, summary links, the detail box) and write the outcome into
//! `#selftest-result` and the title, for the headless-browser test.

use std::cmp::Ordering;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::{self, Write};

use crate::pipeline::Document;
use crate::record::{Kind, Record, Value};
use crate::summary::{self, COLUMNS};

/// Each kind's look, in [`Kind::ALL`] order: a tint of an Okabe-Ito colour (told apart with any
/// colour vision), the colour itself, and a line style, so that no reader has to rely on the hue
/// alone.
const LOOKS: [(&str, &str, &str); 6] = [
    ("#f2cf7f", "#e69f00", "underline solid"), // admission: orange
    ("#aad9f4", "#56b4e9", "underline dashed"), // target: sky blue
    ("#7fceb9", "#009e73", "underline dotted"), // percentage: bluish green
    ("#f7f1a0", "#b8a800", "underline double"), // date: yellow
    ("#7fb8d8", "#0072b2", "underline wavy"),  // directive: blue
    ("#e5bcd3", "#cc79a7", "underline overline solid"), // membership: reddish purple
];

/// Rows of the summary and the index shown before "show all": a table of thousands of rows laid
/// out while the page loads made a page of 1,000 articles take seconds to appear.
const FIRST_ROWS: usize = 100;

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `kind value | field: value | …` for a highlight's tooltip and the detail box.
fn describe(r: &Record) -> String {
    let mut out = format!("{} {}", r.kind.as_str(), r.value);
    if let Some(max) = &r.value_max {
        let _ = write!(out, "–{max}");
    }
    let fields: [(&str, Option<String>); 14] = [
        ("unit", r.unit.map(|u| u.as_str().to_string())),
        ("qualifier", r.qualifier.map(|q| q.as_str().to_string())),
        ("role", r.role.map(|r| r.as_str().to_string())),
        ("period", r.period.clone()),
        ("period_text", r.period_text.clone()),
        ("org", r.org.clone()),
        ("subset", r.subset.clone()),
        ("doc_type", r.doc_type.map(str::to_string)),
        ("code", r.code.clone()),
        ("issued", r.issued.clone()),
        ("when", r.when.clone()),
        ("org_full", r.org_full.clone()),
        ("fact", Some(r.fact.to_string())),
        ("line", Some(r.line.to_string())),
    ];
    for (k, v) in fields {
        if let Some(v) = v {
            let _ = write!(out, " | {k}: {v}");
        }
    }
    out
}

/// The article text with nested `<mark>`s; a span that starts inside another and runs past it is
/// clipped to it, so every record keeps exactly one highlight.
fn highlighted(doc: &Document, id: usize) -> String {
    let mut order: Vec<usize> = (0..doc.records.len()).collect();
    order.sort_by_key(|&i| (doc.spans[i].start, std::cmp::Reverse(doc.spans[i].end)));
    let text = &doc.text;
    let mut out = String::with_capacity(text.len() * 2);
    let mut at = 0;
    let mut open: Vec<usize> = Vec::new(); // end offsets of open marks
    let close_to = |out: &mut String, at: &mut usize, open: &mut Vec<usize>, until: usize| {
        while let Some(&end) = open.last() {
            if end > until {
                break;
            }
            out.push_str(&escape(&text[*at..end]));
            out.push_str("</mark>");
            *at = end;
            open.pop();
        }
    };
    for i in order {
        let span = &doc.spans[i];
        close_to(&mut out, &mut at, &mut open, span.start);
        let start = span.start.max(at);
        let end = open
            .last()
            .map_or(span.end, |&outer| span.end.min(outer))
            .max(start);
        out.push_str(&escape(&text[at..start]));
        at = start;
        let r = &doc.records[i];
        // A part names its total, which hovering it highlights with the records of its own fact.
        let total = r
            .part_of
            .and_then(|f| doc.records.iter().find(|t| t.fact == f));
        let part_of = total.map_or(String::new(), |t| {
            format!(" | part of: {} {} «{}»", t.kind.as_str(), t.value, t.text)
        });
        let _ = write!(
            out,
            "<mark class=\"k-{}\" data-r=\"{id}-{i}\" data-fact=\"{}\" data-part-of=\"{}\" title=\"{}{}\">",
            r.kind.as_str(),
            r.fact,
            r.part_of.map_or(String::new(), |f| f.to_string()),
            escape(&describe(r)),
            escape(&part_of)
        );
        open.push(end);
    }
    close_to(&mut out, &mut at, &mut open, usize::MAX);
    out.push_str(&escape(&text[at..]));
    out
}

/// An article's title: its first line with text, cut at about 140 characters.
fn title(text: &str) -> String {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    match line.char_indices().nth(140) {
        Some((at, _)) => format!("{}…", &line[..at]),
        None => line.to_string(),
    }
}

/// An article's date: the first full date it gives (its dateline, where it has one), else its
/// first date of any precision.
fn date(records: &[Record]) -> String {
    let dates = || {
        records.iter().filter_map(|r| match (&r.kind, &r.value) {
            (Kind::Date, Value::Text(d)) => Some(d.as_str()),
            _ => None,
        })
    };
    let full = |d: &&str| d.len() == 10 && !d.starts_with('X');
    dates()
        .find(full)
        .or_else(|| dates().next())
        .unwrap_or("")
        .to_string()
}

/// Names compared as a reader counts: `a_2` before `a_10` (runs of digits by their value).
fn natural(a: &str, b: &str) -> Ordering {
    fn runs(s: &str) -> impl Iterator<Item = (bool, &str)> {
        let mut rest = s;
        std::iter::from_fn(move || {
            let first = rest.chars().next()?;
            let digits = first.is_ascii_digit();
            let end = rest
                .find(|c: char| c.is_ascii_digit() != digits)
                .unwrap_or(rest.len());
            let (run, tail) = rest.split_at(end);
            rest = tail;
            Some((digits, run))
        })
    }
    let mut a_runs = runs(a);
    let mut b_runs = runs(b);
    loop {
        match (a_runs.next(), b_runs.next()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some((true, x)), Some((true, y))) => {
                let (x, y) = (x.trim_start_matches('0'), y.trim_start_matches('0'));
                match x.len().cmp(&y.len()).then_with(|| x.cmp(y)) {
                    Ordering::Equal => {}
                    other => return other,
                }
            }
            (Some((_, x)), Some((_, y))) => match x.cmp(y) {
                Ordering::Equal => {}
                other => return other,
            },
        }
    }
}

/// The distinct values of one field over records, joined with `|` for a data attribute.
fn values(records: &[Record], field: impl Fn(&Record) -> Option<String>) -> String {
    let set: BTreeSet<String> = records.iter().filter_map(field).collect();
    set.into_iter().collect::<Vec<_>>().join("|")
}

/// The filter fields of an article's records: kinds, organizations, periods, roles.
type Facets = [String; 4];

fn facets(records: &[Record]) -> Facets {
    [
        values(records, |r| Some(r.kind.as_str().to_string())),
        values(records, |r| r.org.clone()),
        values(records, |r| r.period.clone()),
        values(records, |r| r.role.map(|x| x.as_str().to_string())),
    ]
}

/// The summary rows of every article, each linking to its article with the records that state
/// its figures marked.
fn summary_table(docs: &[(String, Document)]) -> String {
    let mut shown = 0;
    let mut out = String::from("<table id=\"summary-table\"><thead><tr>");
    for c in COLUMNS {
        let _ = write!(out, "<th>{c}</th>");
    }
    out.push_str("</tr></thead><tbody>");
    for (id, (_, doc)) in docs.iter().enumerate() {
        for row in summary::summarize_file(&doc.records) {
            let states = |r: &Record| match (r.kind, &r.value) {
                (Kind::Admission, Value::Count(n)) => row.admitted == Some(*n),
                (Kind::Target, Value::Count(n)) => row.target == Some(*n),
                (Kind::Membership, Value::Count(n)) => row.membership == Some(*n),
                (Kind::Percentage, Value::Decimal(p)) => row.achievement_pct == Some(*p),
                _ => false,
            };
            let facts: Vec<String> = (0..doc.records.len())
                .filter(|&i| states(&doc.records[i]) && doc.records[i].subset.is_none())
                .map(|i| i.to_string())
                .collect();
            let class = if row.check.starts_with("mismatch") {
                " class=\"mismatch\""
            } else {
                ""
            };
            let hidden = if shown >= FIRST_ROWS { " hidden" } else { "" };
            shown += 1;
            let _ = write!(out, "<tr{class}{hidden}>");
            for (i, cell) in row.cells().iter().enumerate() {
                if i == 0 {
                    let _ = write!(
                        out,
                        "<td><a href=\"#doc-{id}&amp;r={}\">{}</a></td>",
                        facts.join("."),
                        escape(cell)
                    );
                } else {
                    let _ = write!(out, "<td>{}</td>", escape(cell));
                }
            }
            out.push_str("</tr>");
        }
    }
    out.push_str("</tbody></table>");
    if shown > FIRST_ROWS {
        let _ = write!(
            out,
            "<button type=\"button\" id=\"summary-more\">show all {shown} rows</button>"
        );
    }
    out
}

/// A `<select>` over every value of one facet, for the index filters.
fn facet_select(name: &str, label: &str, all: &BTreeSet<&str>) -> String {
    let mut out = format!(
        "<label>{label} <select id=\"f-{name}\" data-facet=\"{name}\"><option value=\"\">any</option>"
    );
    for v in all {
        let v = escape(v);
        let _ = write!(out, "<option value=\"{v}\">{v}</option>");
    }
    out.push_str("</select></label>");
    out
}

fn record_rows(doc: &Document, id: usize) -> String {
    let mut out = String::new();
    for (i, r) in doc.records.iter().enumerate() {
        let max = r
            .value_max
            .as_ref()
            .map(|m| format!("–{m}"))
            .unwrap_or_default();
        let _ = write!(
            out,
            "<tr id=\"r-{id}-{i}\" class=\"k-{kind}\" data-r=\"{id}-{i}\"><td>{n}</td><td>{kind}</td><td>{value}{max}</td><td>{detail}</td><td>{line}</td><td>{text}</td></tr>",
            n = i + 1,
            kind = r.kind.as_str(),
            value = escape(&r.value.to_string()),
            detail = escape(
                &describe(r)
                    .split(" | ")
                    .skip(1)
                    .collect::<Vec<_>>()
                    .join(" · ")
            ),
            line = r.line,
            text = escape(&r.text),
        );
    }
    out
}

/// Writes the page for `docs` (name, document) to `out`.
pub fn write_page(out: &mut impl Write, docs: &[(String, Document)]) -> io::Result<()> {
    let total: usize = docs.iter().map(|(_, d)| d.records.len()).sum();
    let facets: Vec<Facets> = docs.iter().map(|(_, d)| facets(&d.records)).collect();
    let mut head = String::new();
    let _ = write!(
        head,
        "<!doctype html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>baocao review</title><style>{STYLE}"
    );
    for (kind, (tint, colour, line)) in Kind::ALL.iter().zip(LOOKS) {
        let k = kind.as_str();
        let _ = write!(
            head,
            "mark.k-{k},.swatch.k-{k}{{background:{tint};text-decoration:{line} 2px {colour}}}body.hide-{k} mark.k-{k}{{background:transparent;text-decoration:none}}body.hide-{k} tr.k-{k}{{display:none}}"
        );
    }
    head.push_str("</style></head><body>\n<header><h1>baocao review</h1><div class=\"legend\" title=\"show or hide each kind's highlights\">");
    for kind in Kind::ALL {
        let k = kind.as_str();
        let _ = write!(
            head,
            "<label><input type=\"checkbox\" checked data-kind=\"{k}\"><span class=\"swatch k-{k}\">{k}</span></label>"
        );
    }
    let _ = writeln!(
        head,
        "</div><p>{}, {}. Choose an article to read it; click a highlight for its fields.</p></header>",
        crate::run::plural(docs.len(), "article"),
        crate::run::plural(total, "record"),
    );
    let _ = writeln!(
        head,
        "<section id=\"summary\"><h2>Summary</h2><p>One row per article, organization and period; the file links to the article with the row's figures marked.</p>{}</section>",
        summary_table(docs)
    );
    head.push_str("<section id=\"articles\"><h2>Articles</h2><div class=\"filters\"><input type=\"search\" id=\"search\" placeholder=\"search titles and text\" aria-label=\"search titles and text\">");
    let all = |i: usize| -> BTreeSet<&str> {
        facets
            .iter()
            .flat_map(|f| f[i].split('|').filter(|v| !v.is_empty()))
            .collect()
    };
    for (i, (name, label)) in [
        ("kind", "kind"),
        ("org", "organization"),
        ("period", "period"),
        ("role", "role"),
    ]
    .into_iter()
    .enumerate()
    {
        head.push_str(&facet_select(name, label, &all(i)));
    }
    let _ = write!(
        head,
        " <span id=\"shown\">{n} of {n} articles</span></div><nav id=\"index\"><table><thead><tr><th data-type=\"num\">#</th><th>article</th><th>title</th><th>date</th>",
        n = docs.len()
    );
    for kind in Kind::ALL {
        let _ = write!(head, "<th data-type=\"num\">{}</th>", kind.as_str());
    }
    head.push_str("</tr></thead><tbody>");
    out.write_all(head.as_bytes())?;
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by(|&a, &b| natural(&docs[a].0, &docs[b].0));
    for (n, id) in order.into_iter().enumerate() {
        let (name, doc) = &docs[id];
        let [kinds, orgs, periods, roles] = &facets[id];
        let mut row = format!(
            "<tr data-doc=\"{id}\" data-kind=\"{}\" data-org=\"{}\" data-period=\"{}\" data-role=\"{}\"{}><td>{}</td><td><a href=\"#doc-{id}\">{}</a></td><td>{}</td><td>{}</td>",
            escape(kinds),
            escape(orgs),
            escape(periods),
            escape(roles),
            if n >= FIRST_ROWS { " hidden" } else { "" },
            n + 1,
            escape(name),
            escape(&title(&doc.text)),
            escape(&date(&doc.records)),
        );
        for kind in Kind::ALL {
            let n = doc.records.iter().filter(|r| r.kind == kind).count();
            let _ = write!(
                row,
                "<td>{}</td>",
                if n == 0 { String::new() } else { n.to_string() }
            );
        }
        row.push_str("</tr>");
        out.write_all(row.as_bytes())?;
    }
    writeln!(
        out,
        "</tbody></table></nav><button type=\"button\" id=\"more\"{}>show all {} articles</button></section>",
        if docs.len() > FIRST_ROWS {
            ""
        } else {
            " hidden"
        },
        docs.len()
    )?;
    out.write_all(
        b"<div id=\"reader\"><main id=\"view\"></main><aside id=\"detail\" hidden><button type=\"button\" id=\"close\" aria-label=\"close\" title=\"close\">\xc3\x97</button><div id=\"detail-text\"></div></aside></div>\n",
    )?;
    for (id, (name, doc)) in docs.iter().enumerate() {
        let section = format!(
            "<template id=\"doc-{id}\" data-records=\"{n}\"><section class=\"doc\"><h2>{name}</h2><div class=\"text\">{text}</div><table class=\"records\"><thead><tr><th>#</th><th>kind</th><th>value</th><th>fields</th><th>line</th><th>text</th></tr></thead><tbody>{rows}</tbody></table></section></template>\n",
            n = doc.records.len(),
            name = escape(name),
            text = highlighted(doc, id),
            rows = record_rows(doc, id),
        );
        out.write_all(section.as_bytes())?;
    }
    writeln!(
        out,
        "<pre id=\"selftest-result\" hidden></pre><script>{SCRIPT}</script></body></html>"
    )
}

const STYLE: &str = "body{font-family:sans-serif;margin:0 1.5em;line-height:1.5}header{position:sticky;top:0;background:#fff;border-bottom:1px solid #ccc;padding:.3em 0;z-index:2}h1{font-size:1.2em;margin:.2em 0}h2{font-size:1.05em;margin:.8em 0 .3em}.legend label{margin-right:.8em;cursor:pointer;white-space:nowrap}.swatch{padding:0 .3em;text-underline-offset:3px}table{border-collapse:collapse;font-size:.9em}td,th{border:1px solid #ddd;padding:.15em .5em;text-align:left;vertical-align:top}th{background:#f4f4f4}#index th{cursor:pointer;user-select:none}#index th[aria-sort=ascending]::after{content:' \\25B2'}#index th[aria-sort=descending]::after{content:' \\25BC'}#summary,nav{max-height:30vh;overflow:auto}#summary thead th,#index thead th{position:sticky;top:0}tr.mismatch td{background:#fde8e8}.filters{display:flex;flex-wrap:wrap;gap:.4em 1em;align-items:center;margin:.3em 0}#search{min-width:18em}#index tr.here td{background:#eef5ff}#reader{display:grid;grid-template-columns:minmax(0,1fr);gap:1em;margin-top:1em}#reader.with-detail{grid-template-columns:minmax(0,1fr) minmax(14em,24em)}#detail{position:sticky;top:6em;align-self:start;background:#fffde7;border:1px solid #999;padding:.6em 2.2em .6em .6em;font-size:.9em;overflow-wrap:anywhere}#close{position:absolute;top:.2em;right:.3em;border:0;background:none;font-size:1.3em;cursor:pointer;line-height:1}#view h2,mark{scroll-margin-top:7em}.text{white-space:pre-wrap;border:1px solid #eee;padding:.8em;margin-bottom:1em}mark{cursor:pointer;color:inherit;text-underline-offset:3px}mark.active,tr.active{box-shadow:0 0 0 3px #000}mark.fact{box-shadow:0 0 0 2px #000;font-weight:bold}mark.same-fact{box-shadow:0 0 0 2px #1565c0}mark.its-total{box-shadow:0 0 0 2px #2e7d32;text-decoration-line:underline overline}";

const SCRIPT: &str = r#"
(function () {
  'use strict';
  var view = document.getElementById('view');
  var reader = document.getElementById('reader');
  var detail = document.getElementById('detail');
  var detailText = document.getElementById('detail-text');
  var index = document.querySelector('#index tbody');
  var rows = Array.from(index.rows);
  var search = document.getElementById('search');
  var selects = Array.from(document.querySelectorAll('.filters select'));
  var shown = document.getElementById('shown');
  var more = document.getElementById('more');
  var texts = {};
  // The first rows only, until "show all": a long table laid out at once is slow.
  var FIRST_ROWS = 100, showAll = false;

  function closeDetail() {
    detail.hidden = true;
    reader.classList.remove('with-detail');
    view.querySelectorAll('.active').forEach(function (e) { e.classList.remove('active'); });
  }
  // `#doc-3` shows article 3; `#doc-3&r=0.4` also marks its records 0 and 4.
  function route() {
    var m = /^#doc-(\d+)(?:&r=([\d.]*))?$/.exec(location.hash);
    if (!m) { return false; }
    var t = document.getElementById('doc-' + m[1]);
    if (!t) { return false; }
    closeDetail();
    view.replaceChildren(t.content.cloneNode(true));
    rows.forEach(function (r) { r.classList.toggle('here', r.dataset.doc === m[1]); });
    var facts = (m[2] || '').split('.').filter(Boolean);
    facts.forEach(function (i) {
      var mark = view.querySelector('mark[data-r="' + m[1] + '-' + i + '"]');
      if (mark) { mark.classList.add('fact'); }
    });
    var first = view.querySelector('mark.fact');
    reveal(first || view.querySelector('h2'), 'center');
    return true;
  }
  // Scrolls `e` into view unless it is in view already (below the sticky header).
  function reveal(e, block) {
    var r = e.getBoundingClientRect();
    var top = document.querySelector('header').getBoundingClientRect().bottom;
    if (r.top < top || r.bottom > window.innerHeight) { e.scrollIntoView({block: block}); }
  }
  window.addEventListener('hashchange', route);

  function activate(key, scroll) {
    view.querySelectorAll('.active').forEach(function (e) { e.classList.remove('active'); });
    var mark = view.querySelector('mark[data-r="' + key + '"]');
    var row = view.querySelector('tr[data-r="' + key + '"]');
    [mark, row].forEach(function (e) { if (e) { e.classList.add('active'); } });
    if (mark) {
      detailText.textContent = mark.title.split(' | ').join('\n');
      detail.hidden = false;
      reader.classList.add('with-detail');
      if (scroll === 'mark') { reveal(mark, 'center'); }
    }
    if (row && scroll === 'row') { row.scrollIntoView({block: 'nearest'}); }
  }
  // Hovering a highlight outlines every record of its fact and, for a part, its total's.
  function outline(mark, on) {
    [['same-fact', mark.dataset.fact], ['its-total', mark.dataset.partOf]].forEach(function (c) {
      if (!c[1]) { return; }
      view.querySelectorAll('mark[data-fact="' + c[1] + '"]').forEach(function (e) { e.classList.toggle(c[0], on); });
    });
  }
  ['mouseover', 'mouseout'].forEach(function (type) {
    view.addEventListener(type, function (ev) {
      var mark = ev.target.closest('mark');
      if (mark) { outline(mark, type === 'mouseover'); }
    });
  });
  view.addEventListener('click', function (ev) {
    var mark = ev.target.closest('mark');
    if (mark) { ev.stopPropagation(); activate(mark.dataset.r, 'row'); return; }
    var row = ev.target.closest('tr[data-r]');
    if (row) { activate(row.dataset.r, 'mark'); }
  });
  document.getElementById('close').addEventListener('click', closeDetail);
  document.addEventListener('keydown', function (ev) { if (ev.key === 'Escape') { closeDetail(); } });
  document.querySelectorAll('.legend input').forEach(function (box) {
    box.addEventListener('change', function () {
      document.body.classList.toggle('hide-' + box.dataset.kind, !box.checked);
    });
  });

  // The index: search over titles and text, filters by facet, sorting by any column.
  function haystack(row) {
    var id = row.dataset.doc;
    if (!(id in texts)) {
      texts[id] = (row.textContent + ' ' + document.getElementById('doc-' + id).content.textContent).toLowerCase();
    }
    return texts[id];
  }
  function filter() {
    var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    var n = 0;
    rows.forEach(function (row) {
      var ok = selects.every(function (s) {
        return !s.value || row.dataset[s.dataset.facet].split('|').indexOf(s.value) >= 0;
      }) && (!words.length || words.every(function (w) { return haystack(row).indexOf(w) >= 0; }));
      if (ok) { n++; }
      row.hidden = !ok || (!showAll && n > FIRST_ROWS);
    });
    shown.textContent = n + ' of ' + rows.length + ' articles';
    more.hidden = showAll || n <= FIRST_ROWS;
    more.textContent = 'show all ' + n + ' articles';
  }
  more.addEventListener('click', function () { showAll = true; filter(); });
  var summaryMore = document.getElementById('summary-more');
  if (summaryMore) {
    summaryMore.addEventListener('click', function () {
      document.querySelectorAll('#summary-table tr[hidden]').forEach(function (r) { r.hidden = false; });
      summaryMore.hidden = true;
    });
  }
  search.addEventListener('input', filter);
  selects.forEach(function (s) { s.addEventListener('change', filter); });
  var natural = new Intl.Collator(undefined, {numeric: true, sensitivity: 'base'});
  document.querySelectorAll('#index th').forEach(function (th, col) {
    th.tabIndex = 0;
    function sort() {
      var up = th.getAttribute('aria-sort') !== 'ascending';
      document.querySelectorAll('#index th').forEach(function (o) { o.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', up ? 'ascending' : 'descending');
      var num = th.dataset.type === 'num';
      var key = function (r) { var t = r.cells[col].textContent; return num ? Number(t || 0) : t; };
      rows.sort(function (a, b) {
        var x = key(a), y = key(b);
        var c = num ? x - y : natural.compare(x, y);
        return (up ? c : -c) || Number(a.dataset.doc) - Number(b.dataset.doc);
      });
      index.append.apply(index, rows);
      filter();
    }
    th.addEventListener('click', sort);
    th.addEventListener('keydown', function (ev) { if (ev.key === 'Enter') { sort(); } });
  });

  if (location.hash !== '#selftest') { route(); return; }

  // The self-test, for tests/browser/run.sh.
  var problems = [];
  function check(ok, what) { if (!ok) { problems.push(what); } }
  function go(hash, move) {
    return new Promise(function (done) {
      window.addEventListener('hashchange', function () { done(); }, {once: true});
      if (move) { move(); } else { location.hash = hash; }
    });
  }
  function visible() { return rows.filter(function (r) { return !r.hidden; }); }
  function overlap(a, b) {
    var x = a.getBoundingClientRect(), y = b.getBoundingClientRect();
    return x.left < y.right && y.left < x.right && x.top < y.bottom && y.top < x.bottom;
  }
  var templates = document.querySelectorAll('template[id^="doc-"]');
  var highlights = 0, records = 0;
  function show(id) { view.replaceChildren(document.getElementById('doc-' + id).content.cloneNode(true)); }
  templates.forEach(function (t) {
    var id = t.id.slice(4);
    show(id);
    var keys = new Set(Array.from(view.querySelectorAll('mark')).map(function (e) { return e.dataset.r; }));
    var n = view.querySelectorAll('tr[data-r]').length;
    highlights += keys.size; records += n;
    check(keys.size === Number(t.dataset.records) && n === keys.size,
      t.id + ': ' + keys.size + ' highlights, ' + n + ' rows, ' + t.dataset.records + ' records');
    var box = document.querySelector('.legend input[data-kind="percentage"]');
    var marks = view.querySelectorAll('mark.k-percentage');
    if (marks.length) {
      var bg = getComputedStyle(marks[0]).backgroundColor;
      box.checked = false; box.dispatchEvent(new Event('change'));
      var left = Array.from(view.querySelectorAll('tr.k-percentage')).filter(function (r) { return r.offsetParent !== null; }).length;
      var hidden = getComputedStyle(marks[0]).backgroundColor;
      check(left === 0 && /rgba\(0, 0, 0, 0\)|transparent/.test(hidden), t.id + ': filter left ' + left + ' rows, background ' + hidden);
      box.checked = true; box.dispatchEvent(new Event('change'));
      check(getComputedStyle(marks[0]).backgroundColor === bg, t.id + ': filter did not come back');
    }
  });
  var colours = new Set(Array.from(document.querySelectorAll('.legend .swatch')).map(function (s) {
    var st = getComputedStyle(s); return st.backgroundColor + st.textDecorationStyle + st.textDecorationLine;
  }));
  check(colours.size === 6, 'the six kinds do not look different: ' + colours.size);

  (async function () {
    // History moves (Back, Forward) wait for the page to have loaded.
    if (document.readyState !== 'complete') {
      await new Promise(function (done) { window.addEventListener('load', done, {once: true}); });
    }
    // Natural order first; sorting by name twice gives it back reversed, by a count descending.
    var shownRows = function () { return Array.from(index.rows); };
    var names = function () { return shownRows().map(function (r) { return r.cells[1].textContent; }); };
    var before = names();
    var sorted = before.slice().sort(natural.compare);
    check(before.join('\n') === sorted.join('\n'), 'index not in natural order: ' + before.join(', '));
    var th = document.querySelectorAll('#index th');
    th[1].click(); th[1].click();
    check(names().join('\n') === sorted.slice().reverse().join('\n'), 'sorting by article name');
    th[4].click(); th[4].click();
    var counts = shownRows().map(function (r) { return Number(r.cells[4].textContent || 0); });
    check(counts.every(function (c, i) { return i === 0 || counts[i - 1] >= c; }), 'sorting by admissions: ' + counts.join(','));
    th[0].click();
    // Search: a word of one article's text finds the articles holding it, and no others.
    if (rows.length) {
      var word = (view.querySelector('mark') || {textContent: ''}).textContent.split(/\s+/)[0] || 'đảng';
      search.value = word; search.dispatchEvent(new Event('input'));
      var want = rows.filter(function (r) { return haystack(r).indexOf(word.toLowerCase()) >= 0; }).length;
      check(want > 0 && shown.textContent.indexOf(want + ' of ') === 0 && visible().length === Math.min(want, FIRST_ROWS),
        'search ' + word + ': ' + visible().length + ' shown, ' + want + ' hold it');
      search.value = 'zzzkhôngcó'; search.dispatchEvent(new Event('input'));
      check(visible().length === 0 && /^0 of/.test(shown.textContent), 'a search that matches nothing');
      search.value = ''; search.dispatchEvent(new Event('input'));
      check(visible().length === Math.min(rows.length, FIRST_ROWS), 'clearing the search');
      if (rows.length > FIRST_ROWS) {
        check(!more.hidden, 'no "show all" button');
        more.click();
        check(visible().length === rows.length && more.hidden, '"show all" did not show all');
      }
      var kind = document.getElementById('f-kind');
      kind.value = 'date'; kind.dispatchEvent(new Event('change'));
      check(visible().every(function (r) { return r.dataset.kind.split('|').indexOf('date') >= 0; }), 'kind filter');
      kind.value = ''; kind.dispatchEvent(new Event('change'));
    }
    // Addresses: each article its own; Back returns to the one before.
    if (templates.length > 1) {
      await go('#doc-0');
      var first = view.querySelector('h2').textContent;
      await go('#doc-1');
      var second = view.querySelector('h2').textContent;
      check(first !== second, 'two addresses show one article');
      await go(null, function () { history.back(); });
      check(view.querySelector('h2').textContent === first, 'Back did not return to the article before');
      await go(null, function () { history.forward(); });
      check(view.querySelector('h2').textContent === second, 'Forward did not return');
    }
    // Summary links: the row's article, its figures marked.
    var links = document.querySelectorAll('#summary-table a');
    check(links.length > 0, 'no summary rows');
    for (var l = 0; l < Math.min(links.length, 5); l++) {
      var href = links[l].getAttribute('href');
      if (location.hash === href) { continue; }
      await go(null, function () { links[l].click(); });
      var want = (/&r=([\d.]*)/.exec(href)[1] || '').split('.').filter(Boolean).length;
      check(view.querySelectorAll('mark.fact').length === want && want > 0,
        href + ': ' + view.querySelectorAll('mark.fact').length + ' marked of ' + want);
    }
    // The detail box opens beside the highlight, never over it, and closes.
    var mark = view.querySelector('mark');
    if (mark) {
      mark.click();
      check(!detail.hidden && view.querySelector('tr.active'), 'clicking a highlight did not select its row');
      mark.scrollIntoView({block: 'center'});
      check(!overlap(detail, mark), 'the detail box covers its highlight');
      document.getElementById('close').click();
      check(detail.hidden && !view.querySelector('.active'), 'the close button');
    }
    var out = document.getElementById('selftest-result');
    out.hidden = false;
    out.textContent = (problems.length ? 'SELFTEST FAIL ' + problems.join('; ') : 'SELFTEST PASS') + ' documents=' + templates.length + ' highlights=' + highlights + ' records=' + records;
    document.title = out.textContent;
  })().catch(function (e) {
    var out = document.getElementById('selftest-result');
    out.hidden = false;
    out.textContent = 'SELFTEST FAIL ' + e;
  });
})();
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{Options, extract_document};

    fn page(text: &str) -> String {
        let doc = extract_document("a.txt", text.as_bytes(), &Options::default()).unwrap();
        let mut out = Vec::new();
        write_page(&mut out, &[("a.txt".to_string(), doc)]).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn every_record_has_one_highlight_even_when_spans_nest() {
        // The target and the percentage share `3% ít nhất`; the date sits inside the directive's line.
        let text = "Năm 2023 kết nạp được 56 đảng viên <b>, đạt 2,68% so với 3% ít nhất theo nghị quyết của Đảng bộ. Nghị quyết số 21-NQ/TW, ngày 16/6/2022.";
        let doc = extract_document("a.txt", text.as_bytes(), &Options::default()).unwrap();
        let html = page(text);
        let marks = html.matches("<mark ").count();
        assert_eq!(marks, doc.records.len());
        assert_eq!(html.matches("</mark>").count(), marks);
        assert!(html.contains("&lt;b&gt;"), "article text is escaped");
        assert!(!html.contains("http"), "no network resources");
    }

    #[test]
    fn index_rows_give_title_date_counts_and_facets() {
        let html = page(
            "Quảng An: kết nạp đảng viên mới\nNgày 12/3/2024.\nNăm 2023, toàn tỉnh kết nạp được 56 đảng viên, đạt 102% kế hoạch.",
        );
        for part in [
            "<tr data-doc=\"0\" data-kind=\"admission|date|percentage\" data-org=\"Đảng bộ tỉnh\" data-period=\"2023\" data-role=\"achievement\">",
            "<td>1</td><td><a href=\"#doc-0\">a.txt</a></td><td>Quảng An: kết nạp đảng viên mới</td><td>2024-03-12</td><td>1</td><td></td><td>1</td><td>1</td><td></td><td></td></tr>",
            "<option value=\"achievement\">achievement</option>",
            "<option value=\"Đảng bộ tỉnh\">Đảng bộ tỉnh</option>",
        ] {
            assert!(html.contains(part), "{part}");
        }
    }

    #[test]
    fn summary_rows_link_to_the_records_of_their_figures() {
        let html = page(
            "Năm 2023, toàn Đảng bộ tỉnh kết nạp được 1.856 đảng viên, đạt 89,15% chỉ tiêu kế hoạch đề ra (2.082 đảng viên).",
        );
        let doc = extract_document("a.txt", "Năm 2023, toàn Đảng bộ tỉnh kết nạp được 1.856 đảng viên, đạt 89,15% chỉ tiêu kế hoạch đề ra (2.082 đảng viên).".as_bytes(), &Options::default()).unwrap();
        let linked: Vec<String> = doc
            .records
            .iter()
            .enumerate()
            .filter(|(_, r)| matches!(r.kind, Kind::Admission | Kind::Target | Kind::Percentage))
            .map(|(i, _)| i.to_string())
            .collect();
        assert_eq!(linked.len(), 3);
        assert!(
            html.contains(&format!(
                "<td><a href=\"#doc-0&amp;r={}\">a.txt</a></td>",
                linked.join(".")
            )),
            "{html}"
        );
    }

    #[test]
    fn repeats_share_a_fact_and_a_part_names_its_total() {
        let html = page(
            "Năm 2024, toàn tỉnh kết nạp 964 đảng viên, trong đó có 402 đảng viên nữ. Như vậy năm 2024 toàn tỉnh kết nạp 964 đảng viên.",
        );
        assert_eq!(
            html.matches("data-fact=\"1\" data-part-of=\"\"").count(),
            2,
            "{html}"
        );
        assert!(html.contains("data-part-of=\"1\""), "{html}");
        assert!(
            html.contains("part of: admission 964 «kết nạp 964 đảng viên»"),
            "{html}"
        );
    }

    #[test]
    fn names_in_natural_order() {
        let mut names = [
            "a_10.txt",
            "a_2.txt",
            "b.txt",
            "a_1.txt",
            "a_02b.txt",
            "A.txt",
        ];
        names.sort_by(|a, b| natural(a, b));
        assert_eq!(
            names,
            [
                "A.txt",
                "a_1.txt",
                "a_2.txt",
                "a_02b.txt",
                "a_10.txt",
                "b.txt"
            ]
        );
    }
}
