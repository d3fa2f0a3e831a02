#include "input/html.h"

#include <gtest/gtest.h>

#include <string>

namespace dragoman {
namespace {

// All pages are invented for these tests.
TEST(Html, DropsScriptsStylesAndNavigation) {
  HtmlContent c = ExtractHtml(
      "<!DOCTYPE html><html><head><title>T</title><style>p{color:red}</style>"
      "<script>var x = 'hidden words';</script></head><body>"
      "<nav><a href='/'>Home</a> <a href='/w'>World</a></nav>"
      "<header>Site banner</header>"
      "<p>First paragraph.</p><noscript>Enable JS</noscript>"
      "<aside>Related: other story</aside><form><label>Search</label><input></form>"
      "<p>Second one.</p><footer>Copyright</footer>"
      "<div hidden>invisible</div><span aria-hidden=\"true\">icon</span>"
      "<svg><title>logo</title><text>svg text</text></svg>"
      "<template><p>templated</p></template><iframe>frame</iframe></body></html>");
  EXPECT_EQ(c.text, "First paragraph.\n\nSecond one.");
}

TEST(Html, ParagraphsAndBlocksAreSeparatedByNewlines) {
  HtmlContent c = ExtractHtml(
      "<html><body><article><h1>Head line</h1><p>One\n   two\tthree.</p>"
      "<ul><li>item a</li><li>item b</li></ul>"
      "<blockquote>Quoted</blockquote><p>Line<br>break</p>"
      "<figure><img src=x><figcaption>Caption</figcaption></figure>"
      "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>"
      "<p>in<b>line</b> <i>tags</i> stay</p></article></body></html>");
  EXPECT_EQ(c.text,
            "Head line\n\nOne two three.\n\nitem a\nitem b\n\nQuoted\n\nLine\nbreak\n\n"
            "Caption\n\na b\nc\n\ninline tags stay");
}

TEST(Html, DecodesEntities) {
  HtmlContent c = ExtractHtml(
      "<html><body><p>Fish &amp; chips &lt;3 &quot;q&quot; caf&eacute; &#8212; &#x41;"
      "&nbsp;end</p></body></html>");
  EXPECT_EQ(c.text, "Fish & chips <3 \"q\" caf\xC3\xA9 \xE2\x80\x94 A end");
}

TEST(Html, PreKeepsLineBreaks) {
  HtmlContent c = ExtractHtml("<html><body><pre>a  b\nc</pre></body></html>");
  EXPECT_EQ(c.text, "a b\nc");
}

TEST(Html, Metadata) {
  HtmlContent c = ExtractHtml(
      "<html><head><title>Tag  title</title>"
      "<meta property=\"og:title\" content=\"OG title\">"
      "<meta property=\"og:url\" content=\"https://example.org/a\">"
      "<link rel=\"canonical\" href=\"https://example.org/canonical\">"
      "<meta property=\"og:site_name\" content=\"Example News\">"
      "<meta property=\"article:published_time\" content=\"2023-04-05T08:00:00+02:00\">"
      "<meta property=\"article:modified_time\" content=\"2023-04-06T08:00:00+02:00\">"
      "</head><body><p>x</p></body></html>");
  EXPECT_EQ(c.title, "OG title");
  EXPECT_EQ(c.url, "https://example.org/a");
  EXPECT_EQ(c.source, "Example News");
  ASSERT_TRUE(c.published.has_value());
  EXPECT_EQ(c.published->ToString(), "2023-04-05");
  ASSERT_TRUE(c.modified.has_value());
  EXPECT_EQ(c.modified->ToString(), "2023-04-06");
}

TEST(Html, TitleTagAndCanonicalFallbacks) {
  HtmlContent c = ExtractHtml(
      "<html><head><title> Tag\n title </title>"
      "<link rel=\"Canonical\" href=\"https://example.org/c\"></head><body><p>x</p></body>"
      "</html>");
  EXPECT_EQ(c.title, "Tag title");
  EXPECT_EQ(c.url, "https://example.org/c");
  EXPECT_FALSE(c.published.has_value());
}

TEST(Html, DatesFromMetaNameJsonLdAndTime) {
  EXPECT_EQ(ExtractHtml("<head><meta name=\"date\" content=\"2020-01-02\"></head><p>x</p>")
                .published->ToString(),
            "2020-01-02");
  EXPECT_EQ(ExtractHtml("<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":"
                        "\"NewsArticle\",\"datePublished\":\"2021-02-03T04:05:06Z\"}]}</script>"
                        "<p>x</p>")
                .published->ToString(),
            "2021-02-03");
  EXPECT_EQ(ExtractHtml("<aside><time datetime=\"2019-01-01\">old</time></aside>"
                        "<header><time datetime=\"2022-03-04\" pubdate>4 March</time></header>"
                        "<p>x</p>")
                .published->ToString(),
            "2022-03-04");
  // A <time> inside a dropped region (a related-stories list) does not date the page.
  EXPECT_FALSE(
      ExtractHtml("<aside><time datetime=\"2019-01-01\">old</time></aside><p>x</p>").published);
  EXPECT_EQ(
      ExtractHtml("<p><time datetime=\"2018-07-08T10:00\">then</time> x</p>").published->ToString(),
      "2018-07-08");
  // Malformed values are ignored.
  EXPECT_FALSE(ExtractHtml("<meta name=\"date\" content=\"soon\"><p>x</p>").published);
  EXPECT_FALSE(
      ExtractHtml("<script type=\"application/ld+json\">{broken</script><p>x</p>").published);
}

TEST(Html, DeepNestingDoesNotCrash) {
  std::string html;
  for (int i = 0; i < 20000; ++i) html += "<span>";
  html += "deep";
  HtmlContent c = ExtractHtml(html);
  EXPECT_EQ(c.text, "deep");
}

TEST(Html, LooksLikeHtml) {
  EXPECT_TRUE(LooksLikeHtml("<!DOCTYPE html><html>"));
  EXPECT_TRUE(LooksLikeHtml("  \n<html lang=en>"));
  EXPECT_TRUE(LooksLikeHtml("<p>Hello</p>"));
  EXPECT_TRUE(LooksLikeHtml("<div class=x>Hello</div>"));
  EXPECT_FALSE(LooksLikeHtml("<not a tag> just text"));
  EXPECT_FALSE(LooksLikeHtml("Plain text with <p> later"));
  EXPECT_FALSE(LooksLikeHtml(""));
}

}  // namespace
}  // namespace dragoman
