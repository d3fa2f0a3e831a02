// HTML -> text and metadata, with gumbo (an HTML5-conformant parser).
//
// Text: the visible article text. Dropped with everything inside them: script, style, noscript,
// template, nav, header, footer, aside, form, iframe, svg, math, canvas, object, button, select,
// textarea, audio, video, and elements marked hidden (the `hidden` attribute or
// aria-hidden="true"). Block elements (p, div, h1-h6, li, article, section, blockquote,
// figcaption, table rows, ...) are separated by a blank line ("\n\n"), <br> by a line break, so
// paragraphs survive for the text stage, which splits paragraphs at line breaks. Inside a block,
// runs of white space (including NO-BREAK SPACE) collapse to one space; <pre> keeps its line
// breaks. Entities are decoded by the parser. The result has no leading or trailing blanks.
//
// Metadata (read from the whole page, dropped regions included):
//   title:  <meta property="og:title">, <meta name="twitter:title">, else <title>
//   url:    <meta property="og:url">, else <link rel="canonical">
//   source: <meta property="og:site_name">
//   published: <meta> article:published_time, og:published_time, date, pubdate, publishdate,
//           dc.date(.issued), dcterms.created/issued/date, sailthru.date, parsely-pub-date,
//           itemprop=datePublished; JSON-LD "datePublished"; <time pubdate> or
//           <time itemprop="datePublished">; else the first <time datetime> outside the dropped
//           regions.
//   modified: article:modified_time, og:updated_time, itemprop/JSON-LD dateModified.
// Dates are parsed with ParseMetadataDate (input/docdate.h); unparseable values are ignored.
//
// REQUIRES: `html` is valid UTF-8 (the reader checks before calling). Never fails: any bytes
// give some (possibly empty) text. Thread-safety: pure function.
#ifndef DRAGOMAN_INPUT_HTML_H_
#define DRAGOMAN_INPUT_HTML_H_

#include <optional>
#include <string>
#include <string_view>

#include "base/date.h"

namespace dragoman {

struct HtmlContent {
  std::string text;
  std::string title;
  std::string url;
  std::string source;
  std::optional<PartialDate> published;
  std::optional<PartialDate> modified;
};

HtmlContent ExtractHtml(std::string_view html);

// True when `head` (the first bytes of a file) looks like HTML: after blanks, a '<' opening a
// doctype, comment, or an html/head/body/p/div/article/meta/title tag.
bool LooksLikeHtml(std::string_view head);

}  // namespace dragoman

#endif  // DRAGOMAN_INPUT_HTML_H_
