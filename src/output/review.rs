//! The review page: one self-contained HTML file (no network, no external scripts or fonts) with
//! an index of articles and, rendered on demand from `<template>`s, each article's text with every
//! record highlighted by kind, its fields on hover and click, a kind filter, and a table of the
//! article's records linked to their highlights.
//!
//! `#selftest` in the page's address makes it check itself (highlights against records, filters)
//! and write the outcome into `#selftest-result` and the title, for the headless-browser test.

use std::fmt::Write as _;
use std::io::{self, Write};

use crate::pipeline::Document;
use crate::record::{Kind, Record};

/// Colours of the kinds, in [`Kind::ALL`] order.
const COLOURS: [&str; 6] = [
    "#f8b26a", "#9ad0f5", "#c5e1a5", "#e1bee7", "#fff59d", "#ffab91",
];

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
        ("unit", r.unit.map(|u| format!("{u:?}").to_lowercase())),
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
    let mut head = String::new();
    let _ = write!(
        head,
        "<!doctype html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>baocao review</title><style>{}",
        STYLE
    );
    for (kind, colour) in Kind::ALL.iter().zip(COLOURS) {
        let k = kind.as_str();
        let _ = write!(
            head,
            "mark.k-{k},.swatch.k-{k}{{background:{colour}}}body.hide-{k} mark.k-{k}{{background:transparent;outline:none}}body.hide-{k} tr.k-{k}{{display:none}}"
        );
    }
    head.push_str("</style></head><body>\n<header><h1>baocao review</h1><div class=\"legend\">");
    for kind in Kind::ALL {
        let k = kind.as_str();
        let _ = write!(
            head,
            "<label><input type=\"checkbox\" checked data-kind=\"{k}\"><span class=\"swatch k-{k}\"></span>{k}</label>"
        );
    }
    let _ = writeln!(
        head,
        "</div><p>{} articles, {total} records. Click an article to read it; click a highlight for its fields.</p></header>",
        docs.len()
    );
    head.push_str("<nav id=\"index\"><table><thead><tr><th>article</th>");
    for kind in Kind::ALL {
        let _ = write!(head, "<th>{}</th>", kind.as_str());
    }
    head.push_str("</tr></thead><tbody>");
    out.write_all(head.as_bytes())?;
    for (id, (name, doc)) in docs.iter().enumerate() {
        let mut row = format!(
            "<tr><td><a href=\"#doc-{id}\" data-doc=\"{id}\">{}</a></td>",
            escape(name)
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
    out.write_all(
        b"</tbody></table></nav>\n<aside id=\"detail\" hidden></aside><main id=\"view\"></main>\n",
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

const STYLE: &str = "body{font-family:sans-serif;margin:0 1.5em;line-height:1.5}header{position:sticky;top:0;background:#fff;border-bottom:1px solid #ccc;padding:.3em 0;z-index:2}h1{font-size:1.2em;margin:.2em 0}.legend label{margin-right:1em;cursor:pointer}.swatch{display:inline-block;width:1em;height:1em;margin:0 .3em;vertical-align:middle;border:1px solid #999}nav table,table.records{border-collapse:collapse;font-size:.9em}td,th{border:1px solid #ddd;padding:.15em .5em;text-align:left}nav{max-height:35vh;overflow:auto;margin:.5em 0}.text{white-space:pre-wrap;border:1px solid #eee;padding:.8em;margin-bottom:1em}mark{cursor:pointer;outline:1px solid rgba(0,0,0,.15)}mark.active,tr.active{box-shadow:0 0 0 3px #d32f2f}mark.same-fact{box-shadow:0 0 0 2px #1565c0}mark.its-total{box-shadow:0 0 0 2px #2e7d32;text-decoration:underline}#detail{position:fixed;right:1em;bottom:1em;max-width:30em;background:#fffde7;border:1px solid #999;padding:.6em;font-size:.9em;z-index:3}";

const SCRIPT: &str = r#"
(function () {
  'use strict';
  var view = document.getElementById('view');
  var detail = document.getElementById('detail');
  function show(id) {
    var t = document.getElementById('doc-' + id);
    if (!t) { return null; }
    view.replaceChildren(t.content.cloneNode(true));
    return view;
  }
  function activate(key, scroll) {
    view.querySelectorAll('.active').forEach(function (e) { e.classList.remove('active'); });
    var mark = view.querySelector('mark[data-r="' + key + '"]');
    var row = view.querySelector('tr[data-r="' + key + '"]');
    [mark, row].forEach(function (e) { if (e) { e.classList.add('active'); } });
    if (mark) {
      detail.textContent = mark.title;
      detail.hidden = false;
      if (scroll === 'mark') { mark.scrollIntoView({block: 'center'}); }
    }
    if (row && scroll === 'row') { row.scrollIntoView({block: 'center'}); }
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
  document.getElementById('index').addEventListener('click', function (ev) {
    var a = ev.target.closest('a[data-doc]');
    if (a) { show(a.dataset.doc); }
  });
  view.addEventListener('click', function (ev) {
    var mark = ev.target.closest('mark');
    if (mark) { ev.stopPropagation(); activate(mark.dataset.r, 'row'); return; }
    var row = ev.target.closest('tr[data-r]');
    if (row) { activate(row.dataset.r, 'mark'); }
  });
  document.querySelectorAll('.legend input').forEach(function (box) {
    box.addEventListener('change', function () {
      document.body.classList.toggle('hide-' + box.dataset.kind, !box.checked);
    });
  });
  var m = /^#doc-(\d+)$/.exec(location.hash);
  if (m) { show(m[1]); }

  if (location.hash === '#selftest') {
    var problems = [];
    var templates = document.querySelectorAll('template[id^="doc-"]');
    var highlights = 0, records = 0;
    templates.forEach(function (t) {
      var id = t.id.slice(4);
      show(id);
      var keys = new Set(Array.from(view.querySelectorAll('mark')).map(function (e) { return e.dataset.r; }));
      var rows = view.querySelectorAll('tr[data-r]').length;
      highlights += keys.size; records += rows;
      if (keys.size !== Number(t.dataset.records) || rows !== keys.size) {
        problems.push(t.id + ': ' + keys.size + ' highlights, ' + rows + ' rows, ' + t.dataset.records + ' records');
      }
      var box = document.querySelector('.legend input[data-kind="percentage"]');
      var marks = view.querySelectorAll('mark.k-percentage');
      if (marks.length) {
        box.checked = false; box.dispatchEvent(new Event('change'));
        var shown = Array.from(view.querySelectorAll('tr.k-percentage')).filter(function (r) { return r.offsetParent !== null; }).length;
        var bg = getComputedStyle(marks[0]).backgroundColor;
        if (shown !== 0 || !/rgba\(0, 0, 0, 0\)|transparent/.test(bg)) { problems.push(t.id + ': filter left ' + shown + ' rows, background ' + bg); }
        box.checked = true; box.dispatchEvent(new Event('change'));
        if (getComputedStyle(marks[0]).backgroundColor === bg) { problems.push(t.id + ': filter did not come back'); }
      }
    });
    var first = view.querySelector('mark');
    if (first) { first.click(); if (detail.hidden || !view.querySelector('tr.active')) { problems.push('clicking a highlight did not select its row'); } }
    if (templates.length) { show(0); }
    var out = document.getElementById('selftest-result');
    out.hidden = false;
    out.textContent = (problems.length ? 'SELFTEST FAIL ' + problems.join('; ') : 'SELFTEST PASS') + ' documents=' + templates.length + ' highlights=' + highlights + ' records=' + records;
    document.title = out.textContent;
  }
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
    fn index_counts_kinds() {
        let html = page("Năm 2023 kết nạp được 56 đảng viên, đạt 102% kế hoạch.");
        assert!(html.contains(
            "<a href=\"#doc-0\" data-doc=\"0\">a.txt</a></td><td>1</td><td></td><td>1</td>"
        ));
    }
}
