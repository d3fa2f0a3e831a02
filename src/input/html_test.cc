#include "input/html.h"

#include <gtest/gtest.h>

#include <string>

namespace dragoman {
namespace {

// Extracts, failing the test on an error.
HtmlContent X(std::string_view html) {
  Result<HtmlContent> r = ExtractHtml(html);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? r.value() : HtmlContent{};
}

// All pages are invented for these tests.
TEST(Html, DropsScriptsStylesAndNavigation) {
  HtmlContent c =
      X("<!DOCTYPE html><html><head><title>T</title><style>p{color:red}</style>"
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
  HtmlContent c =
      X("<html><body><article><h1>Head line</h1><p>One\n   two\tthree.</p>"
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
  HtmlContent c =
      X("<html><body><p>Fish &amp; chips &lt;3 &quot;q&quot; caf&eacute; &#8212; &#x41;"
        "&nbsp;end</p></body></html>");
  EXPECT_EQ(c.text, "Fish & chips <3 \"q\" caf\xC3\xA9 \xE2\x80\x94 A end");
}

TEST(Html, PreKeepsLineBreaks) {
  HtmlContent c = X("<html><body><pre>a  b\nc</pre></body></html>");
  EXPECT_EQ(c.text, "a b\nc");
}

TEST(Html, Metadata) {
  HtmlContent c =
      X("<html><head><title>Tag  title</title>"
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
  HtmlContent c =
      X("<html><head><title> Tag\n title </title>"
        "<link rel=\"Canonical\" href=\"https://example.org/c\"></head><body><p>x</p></body>"
        "</html>");
  EXPECT_EQ(c.title, "Tag title");
  EXPECT_EQ(c.url, "https://example.org/c");
  EXPECT_FALSE(c.published.has_value());
}

TEST(Html, DatesFromMetaNameJsonLdAndTime) {
  EXPECT_EQ(
      X("<head><meta name=\"date\" content=\"2020-01-02\"></head><p>x</p>").published->ToString(),
      "2020-01-02");
  EXPECT_EQ(X("<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":"
              "\"NewsArticle\",\"datePublished\":\"2021-02-03T04:05:06Z\"}]}</script>"
              "<p>x</p>")
                .published->ToString(),
            "2021-02-03");
  EXPECT_EQ(X("<aside><time datetime=\"2019-01-01\">old</time></aside>"
              "<header><time datetime=\"2022-03-04\" pubdate>4 March</time></header>"
              "<p>x</p>")
                .published->ToString(),
            "2022-03-04");
  // A <time> inside a dropped region (a related-stories list) does not date the page.
  EXPECT_FALSE(X("<aside><time datetime=\"2019-01-01\">old</time></aside><p>x</p>").published);
  EXPECT_EQ(X("<p><time datetime=\"2018-07-08T10:00\">then</time> x</p>").published->ToString(),
            "2018-07-08");
  // Malformed values are ignored.
  EXPECT_FALSE(X("<meta name=\"date\" content=\"soon\"><p>x</p>").published);
  EXPECT_FALSE(X("<script type=\"application/ld+json\">{broken</script><p>x</p>").published);
}

TEST(Html, DeepButAllowedNestingIsFast) {
  std::string html;
  for (size_t i = 0; i < kMaxHtmlDepth; ++i) html += "<div>";
  html += "deep";
  EXPECT_EQ(X(html).text, "deep");
}

TEST(Html, PathologicalNestingIsRefused) {
  std::string html;
  for (size_t i = 0; i < 100000; ++i) html += "<span>";
  Result<HtmlContent> r = ExtractHtml(html);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kBadInput);
  EXPECT_EQ(r.status().message(), "HTML nested deeper than 4096 elements");
}

TEST(Html, EstimateHtmlDepth) {
  EXPECT_EQ(EstimateHtmlDepth(""), 0u);
  EXPECT_EQ(EstimateHtmlDepth("<html><body><div><p>a<p>b<br><img src=x></div></body></html>"), 3u);
  EXPECT_EQ(EstimateHtmlDepth("<div><div/></div><div></div>"), 1u);
  EXPECT_EQ(EstimateHtmlDepth("<script><div><div><div></script><!-- <div><div> --><b>x</b>"), 1u);
  // Sloppy pages with thousands of unclosed paragraphs or list items stay flat.
  std::string sloppy = "<ul>";
  for (int i = 0; i < 10000; ++i) sloppy += "<li>item<p>para";
  EXPECT_EQ(EstimateHtmlDepth(sloppy), 1u);
  EXPECT_TRUE(ExtractHtml(sloppy).ok());
}

TEST(Html, TimeInArticleHeaderDatesThePage) {
  EXPECT_EQ(X("<article><header><h1>T</h1><time datetime=\"2022-05-06T07:00\">6 May</time>"
              "</header><p>x</p></article><aside><time datetime=\"2019-01-01\">y</time></aside>")
                .published->ToString(),
            "2022-05-06");
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
