// HTML extraction: one iterative walk over gumbo's tree (no recursion, so deeply nested pages
// cannot exhaust the stack) that both builds the text and collects metadata.
#include "input/html.h"

#include <gumbo.h>

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

#include "input/docdate.h"

namespace dragoman {
namespace {

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

// Length of the white space at s[i] (ASCII white space or NO-BREAK SPACE), 0 when none.
size_t SpaceLen(std::string_view s, size_t i) {
  if (IsAsciiSpace(s[i])) return 1;
  if (s.substr(i).starts_with("\xC2\xA0")) return 2;
  return 0;
}

// Collects text, collapsing white space and turning block boundaries into line breaks.
class TextBuilder {
 public:
  // `pre`: inside <pre>, where line breaks are kept.
  void Append(std::string_view t, bool pre) {
    size_t i = 0;
    while (i < t.size()) {
      if (size_t n = SpaceLen(t, i)) {
        if (pre && t[i] == '\n') {
          Break(1);
        } else {
          space_ = true;
        }
        i += n;
        continue;
      }
      size_t j = i;
      while (j < t.size() && SpaceLen(t, j) == 0) ++j;
      Emit(t.substr(i, j - i));
      i = j;
    }
  }
  // Requests `n` line breaks (1 or 2) before the next text.
  void Break(int n) {
    breaks_ = std::max(breaks_, n);
    space_ = false;
  }
  // Requests a space before the next text (table cells).
  void Space() { space_ = true; }
  std::string Finish() && { return std::move(out_); }

 private:
  void Emit(std::string_view run) {
    if (!out_.empty()) {
      if (breaks_ > 0) {
        out_.append(static_cast<size_t>(breaks_), '\n');
      } else if (space_) {
        out_ += ' ';
      }
    }
    breaks_ = 0;
    space_ = false;
    out_.append(run);
  }

  std::string out_;
  int breaks_ = 0;
  bool space_ = false;
};

std::string Collapse(std::string_view s) {
  TextBuilder b;
  b.Append(s, false);
  return std::move(b).Finish();
}

const char* Attr(const GumboElement& el, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&el.attributes, name);
  return a ? a->value : nullptr;
}

bool IsDropped(const GumboElement& el) {
  switch (el.tag) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
      return true;
    default:
      break;
  }
  if (Attr(el, "hidden")) return true;
  const char* aria = Attr(el, "aria-hidden");
  return aria && LowerAscii(aria) == "true";
}

// Line breaks an element puts around its content: 2 for paragraph-like blocks, 1 for lines.
int BreaksFor(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_BR:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
      return 1;
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_BODY:
      return 2;
    default:
      return 0;
  }
}

// The concatenated text children of an element (for <title> and <script>).
std::string ChildText(const GumboElement& el) {
  std::string out;
  for (unsigned i = 0; i < el.children.length; ++i) {
    const auto* c = static_cast<const GumboNode*>(el.children.data[i]);
    if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE ||
        c->type == GUMBO_NODE_CDATA) {
      out += c->v.text.text;
    }
  }
  return out;
}

// Finds the first string value of `key` in a JSON-LD value (objects, arrays, @graph).
std::optional<std::string> FindJsonKey(const nlohmann::json& j, std::string_view key, int depth) {
  if (depth > 8) return std::nullopt;
  if (j.is_object()) {
    auto it = j.find(std::string(key));
    if (it != j.end() && it->is_string()) return it->get<std::string>();
    for (const auto& [k, v] : j.items()) {
      if (auto r = FindJsonKey(v, key, depth + 1)) return r;
    }
  } else if (j.is_array()) {
    for (const auto& v : j) {
      if (auto r = FindJsonKey(v, key, depth + 1)) return r;
    }
  }
  return std::nullopt;
}

// Metadata gathered during the walk; each field keeps its first (most trusted) value.
struct Meta {
  std::optional<std::string> og_title, twitter_title, title_tag, og_url, canonical, site_name;
  std::optional<PartialDate> meta_published, ld_published, time_published, time_any;
  std::optional<PartialDate> meta_modified, ld_modified;

  static void Set(std::optional<std::string>* field, const char* value) {
    if (!*field && value) {
      std::string v = Collapse(value);
      if (!v.empty()) *field = std::move(v);
    }
  }
  static void SetDate(std::optional<PartialDate>* field, const char* value) {
    if (!*field && value) *field = ParseMetadataDate(value);
  }

  void OnMeta(const GumboElement& el) {
    const char* content = Attr(el, "content");
    if (!content) return;
    for (const char* attr : {"property", "name", "itemprop"}) {
      const char* key_raw = Attr(el, attr);
      if (!key_raw) continue;
      std::string key = LowerAscii(key_raw);
      if (key == "og:title") Set(&og_title, content);
      if (key == "twitter:title") Set(&twitter_title, content);
      if (key == "og:url") Set(&og_url, content);
      if (key == "og:site_name") Set(&site_name, content);
      static constexpr std::string_view kPublished[] = {"article:published_time",
                                                        "og:published_time",
                                                        "og:article:published_time",
                                                        "date",
                                                        "pubdate",
                                                        "publishdate",
                                                        "publish-date",
                                                        "publish_date",
                                                        "dc.date",
                                                        "dc.date.issued",
                                                        "dcterms.created",
                                                        "dcterms.issued",
                                                        "dcterms.date",
                                                        "sailthru.date",
                                                        "parsely-pub-date",
                                                        "datepublished",
                                                        "article.published",
                                                        "citation_publication_date",
                                                        "originalpublicationdate"};
      static constexpr std::string_view kModified[] = {"article:modified_time", "og:updated_time",
                                                       "datemodified", "dcterms.modified",
                                                       "last-modified"};
      for (std::string_view k : kPublished) {
        if (key == k) SetDate(&meta_published, content);
      }
      for (std::string_view k : kModified) {
        if (key == k) SetDate(&meta_modified, content);
      }
    }
  }

  void OnScript(const GumboElement& el) {
    const char* type = Attr(el, "type");
    if (!type || LowerAscii(type) != "application/ld+json") return;
    nlohmann::json j = nlohmann::json::parse(ChildText(el), nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return;
    if (!ld_published) {
      if (auto v = FindJsonKey(j, "datePublished", 0)) ld_published = ParseMetadataDate(*v);
    }
    if (!ld_modified) {
      if (auto v = FindJsonKey(j, "dateModified", 0)) ld_modified = ParseMetadataDate(*v);
    }
  }

  // `unrelated`: inside nav/aside/footer/form, where dates belong to other pages.
  void OnTime(const GumboElement& el, bool unrelated) {
    const char* dt = Attr(el, "datetime");
    if (!dt) return;
    const char* itemprop = Attr(el, "itemprop");
    if (Attr(el, "pubdate") || (itemprop && LowerAscii(itemprop) == "datepublished")) {
      SetDate(&time_published, dt);
    } else if (!unrelated) {
      SetDate(&time_any, dt);
    }
  }
};

// Gumbo's options, with parse-error recording off: each recorded error copies the stack of
// open elements, which makes deeply nested (or merely unclosed) markup quadratic in time and
// memory; we never look at the errors.
const GumboOptions& ParseOptions() {
  static const GumboOptions options = [] {
    GumboOptions o = kGumboDefaultOptions;
    o.max_errors = 0;
    return o;
  }();
  return options;
}

struct GumboOutputDeleter {
  void operator()(GumboOutput* o) const { gumbo_destroy_output(&ParseOptions(), o); }
};

}  // namespace

size_t EstimateHtmlDepth(std::string_view html) {
  static constexpr std::string_view kFlat[] = {
      // void elements
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
      "track", "wbr", "keygen",
      // elements whose start tag closes an open one of the same kind
      "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot",
      "rb", "rt", "rp"};
  static constexpr std::string_view kRaw[] = {"script", "style", "textarea",
                                              "title",  "xmp",   "plaintext"};
  auto is_one_of = [](std::string_view name, auto& list) {
    for (std::string_view n : list) {
      if (name == n) return true;
    }
    return false;
  };
  size_t depth = 0, max_depth = 0;
  size_t i = 0;
  const size_t n = html.size();
  while ((i = html.find('<', i)) != std::string_view::npos) {
    if (html.substr(i, 4) == "<!--") {
      size_t e = html.find("-->", i + 4);
      if (e == std::string_view::npos) break;
      i = e + 3;
      continue;
    }
    size_t p = i + 1;
    bool closing = p < n && html[p] == '/';
    if (closing) ++p;
    size_t name_end = p;
    while (name_end < n && ((html[name_end] >= 'a' && html[name_end] <= 'z') ||
                            (html[name_end] >= 'A' && html[name_end] <= 'Z') ||
                            (html[name_end] >= '0' && html[name_end] <= '9') ||
                            html[name_end] == '-' || html[name_end] == ':')) {
      ++name_end;
    }
    size_t gt = html.find('>', i + 1);
    if (gt == std::string_view::npos) break;
    if (name_end == p) {  // "<!doctype", "<?xml", a stray '<'
      i = gt + 1;
      continue;
    }
    std::string name = LowerAscii(html.substr(p, name_end - p));
    const bool self_closed = html[gt - 1] == '/';
    i = gt + 1;
    if (is_one_of(name, kFlat) || self_closed) continue;
    if (closing) {
      if (depth > 0) --depth;
      continue;
    }
    if (is_one_of(name, kRaw)) {
      size_t e = html.find("</", i);
      while (e != std::string_view::npos && LowerAscii(html.substr(e + 2, name.size())) != name) {
        e = html.find("</", e + 2);
      }
      if (e == std::string_view::npos) break;
      i = e;
      continue;
    }
    max_depth = std::max(max_depth, ++depth);
  }
  return max_depth;
}

Result<HtmlContent> ExtractHtml(std::string_view html) {
  if (EstimateHtmlDepth(html) > kMaxHtmlDepth) {
    return Status::BadInput("HTML nested deeper than " + std::to_string(kMaxHtmlDepth) +
                            " elements");
  }
  std::unique_ptr<GumboOutput, GumboOutputDeleter> output(
      gumbo_parse_with_options(&ParseOptions(), html.data(), html.size()));
  HtmlContent result;
  if (!output) return result;
  TextBuilder text;
  Meta meta;

  struct Frame {
    const GumboNode* node;
    unsigned next_child;
    bool dropped;
    bool pre;
    bool unrelated;
  };
  std::vector<Frame> stack = {{output->document, 0, false, false, false}};
  int dropped_depth = 0;
  int unrelated_depth = 0;
  int pre_depth = 0;
  while (!stack.empty()) {
    Frame& f = stack.back();
    const GumboVector* children = nullptr;
    if (f.node->type == GUMBO_NODE_DOCUMENT) {
      children = &f.node->v.document.children;
    } else if (f.node->type == GUMBO_NODE_ELEMENT || f.node->type == GUMBO_NODE_TEMPLATE) {
      children = &f.node->v.element.children;
    }
    if (children && f.next_child < children->length) {
      const auto* child = static_cast<const GumboNode*>(children->data[f.next_child++]);
      switch (child->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_WHITESPACE:
        case GUMBO_NODE_CDATA:
          if (dropped_depth == 0) text.Append(child->v.text.text, pre_depth > 0);
          break;
        case GUMBO_NODE_ELEMENT:
        case GUMBO_NODE_TEMPLATE: {
          const GumboElement& el = child->v.element;
          const bool html_ns = el.tag_namespace == GUMBO_NAMESPACE_HTML;
          if (html_ns) {
            switch (el.tag) {
              case GUMBO_TAG_META:
                meta.OnMeta(el);
                break;
              case GUMBO_TAG_LINK: {
                const char* rel = Attr(el, "rel");
                if (rel && LowerAscii(rel) == "canonical")
                  Meta::Set(&meta.canonical, Attr(el, "href"));
                break;
              }
              case GUMBO_TAG_TITLE: {
                std::string t = ChildText(el);
                Meta::Set(&meta.title_tag, t.c_str());
                break;
              }
              case GUMBO_TAG_SCRIPT:
                meta.OnScript(el);
                break;
              case GUMBO_TAG_TIME:
                meta.OnTime(el, unrelated_depth > 0);
                break;
              default:
                break;
            }
          }
          const bool dropped = child->type == GUMBO_NODE_TEMPLATE || IsDropped(el);
          const bool pre = html_ns && el.tag == GUMBO_TAG_PRE;
          if (dropped_depth == 0 && !dropped) {
            if (int b = BreaksFor(el.tag)) text.Break(b);
            if (el.tag == GUMBO_TAG_TD || el.tag == GUMBO_TAG_TH) text.Space();
          }
          const bool unrelated =
              html_ns && (el.tag == GUMBO_TAG_NAV || el.tag == GUMBO_TAG_ASIDE ||
                          el.tag == GUMBO_TAG_FOOTER || el.tag == GUMBO_TAG_FORM);
          dropped_depth += dropped;
          pre_depth += pre;
          unrelated_depth += unrelated;
          stack.push_back({child, 0, dropped, pre, unrelated});
          break;
        }
        default:  // comments, the document node
          break;
      }
      continue;
    }
    // Leaving f.node.
    if (f.node->type == GUMBO_NODE_ELEMENT && dropped_depth == 0) {
      if (int b = BreaksFor(f.node->v.element.tag)) text.Break(b);
    }
    dropped_depth -= f.dropped;
    pre_depth -= f.pre;
    unrelated_depth -= f.unrelated;
    stack.pop_back();
  }

  result.text = std::move(text).Finish();
  if (meta.og_title) {
    result.title = *meta.og_title;
  } else if (meta.twitter_title) {
    result.title = *meta.twitter_title;
  } else if (meta.title_tag) {
    result.title = *meta.title_tag;
  }
  if (meta.og_url) {
    result.url = *meta.og_url;
  } else if (meta.canonical) {
    result.url = *meta.canonical;
  }
  if (meta.site_name) result.source = *meta.site_name;
  for (const auto* d :
       {&meta.meta_published, &meta.ld_published, &meta.time_published, &meta.time_any}) {
    if (*d) {
      result.published = *d;
      break;
    }
  }
  result.modified = meta.meta_modified ? meta.meta_modified : meta.ld_modified;
  return result;
}

bool LooksLikeHtml(std::string_view head) {
  size_t i = 0;
  if (head.starts_with("\xEF\xBB\xBF")) i = 3;
  while (i < head.size() && IsAsciiSpace(head[i])) ++i;
  if (i >= head.size() || head[i] != '<') return false;
  std::string lower = LowerAscii(head.substr(i, 8192));
  if (lower.starts_with("<!doctype html") || lower.starts_with("<!--")) return true;
  for (std::string_view tag : {"<html", "<head", "<body", "<p", "<div", "<article", "<meta",
                               "<title", "<h1", "<h2", "<section", "<main"}) {
    for (size_t pos = lower.find(tag); pos != std::string::npos; pos = lower.find(tag, pos + 1)) {
      size_t e = pos + tag.size();
      if (e < lower.size() && (lower[e] == '>' || IsAsciiSpace(lower[e]) || lower[e] == '/')) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace dragoman
