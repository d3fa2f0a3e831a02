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
// Pathological nesting: gumbo needs time quadratic in the depth of nested elements (tens of
// seconds for 100,000 nested <div>s, i.e. a 500 KB file), so a page whose estimated nesting
// (EstimateHtmlDepth) exceeds kMaxHtmlDepth is refused with BadInput
// "HTML nested deeper than 4096 elements". Real pages nest a few dozen levels.
//
// REQUIRES: `html` is valid UTF-8 (the reader checks before calling). Apart from the depth
// limit any bytes give some (possibly empty) text. Thread-safety: pure function.
#ifndef DRAGOMAN_INPUT_HTML_H_
#define DRAGOMAN_INPUT_HTML_H_

#include <optional>
#include <string>
#include <string_view>

#include "base/date.h"
#include "base/status.h"

namespace dragoman {

struct HtmlContent {
  std::string text;
  std::string title;
  std::string url;
  std::string source;
  std::optional<PartialDate> published;
  std::optional<PartialDate> modified;
};

inline constexpr size_t kMaxHtmlDepth = 4096;

Result<HtmlContent> ExtractHtml(std::string_view html);

// An upper estimate of how deeply elements nest, from a linear scan of the tags: void elements
// (br, img, ...), self-closed tags and elements that close their own kind (p, li, td, ...) do
// not count; comments and the contents of script/style/textarea/title are skipped.
size_t EstimateHtmlDepth(std::string_view html);

// True when `head` (the first bytes of a file) looks like HTML: after blanks, a '<' opening a
// doctype, comment, or an html/head/body/p/div/article/meta/title tag.
bool LooksLikeHtml(std::string_view head);

}  // namespace dragoman

#endif  // DRAGOMAN_INPUT_HTML_H_
