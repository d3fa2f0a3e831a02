#include "server/assets.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "store/test_corpus.h"

namespace dragoman::server {
namespace {

namespace fs = std::filesystem;

TEST(AssetsTest, SafePathsOnly) {
  EXPECT_TRUE(SafeAssetPath("/index.html"));
  EXPECT_TRUE(SafeAssetPath("/assets/index-abc.js"));
  for (const char* bad :
       {"", "index.html", "/", "/../etc/passwd", "/assets/../../x", "/./index.html", "//x",
        "/assets//x", "/a\\..\\b", "/a\x01", "/\xff", "/assets/.."}) {
    EXPECT_FALSE(SafeAssetPath(bad)) << bad;
  }
}

TEST(AssetsTest, FolderModeNeverLeavesTheRoot) {
  testing::TempDir dir;
  fs::create_directories(dir.path() + "/root/assets");
  std::ofstream(dir.path() + "/root/index.html") << "<p>hi</p>";
  std::ofstream(dir.path() + "/root/assets/app.js") << "1";
  std::ofstream(dir.path() + "/secret.txt") << "secret";
  fs::create_symlink(dir.path() + "/secret.txt", dir.path() + "/root/link.txt");
  auto set = AssetSet::FromDirectory(dir.path() + "/root");
  ASSERT_TRUE(set.ok());
  auto index = set->Find("/");
  ASSERT_TRUE(index.has_value());
  EXPECT_EQ(index->body, "<p>hi</p>");
  EXPECT_EQ(index->content_type, "text/html; charset=utf-8");
  EXPECT_FALSE(index->immutable);
  auto js = set->Find("/assets/app.js");
  ASSERT_TRUE(js.has_value());
  EXPECT_TRUE(js->immutable);
  EXPECT_FALSE(set->Find("/../secret.txt").has_value());
  EXPECT_FALSE(set->Find("/link.txt").has_value());  // a link out of the root
  EXPECT_FALSE(set->Find("/assets").has_value());    // a folder
  EXPECT_FALSE(set->Find("/missing.js").has_value());
  EXPECT_FALSE(AssetSet::FromDirectory(dir.path() + "/nope").ok());
}

TEST(AssetsTest, EmbeddedFilesHaveTheDashboard) {
  AssetSet set = AssetSet::Embedded();
  if (set.embedded_count() == 0) GTEST_SKIP() << "built with DRAGOMAN_WEB=OFF";
  auto index = set.Find("/");
  ASSERT_TRUE(index.has_value());
  EXPECT_NE(index->body.find("<main"), std::string::npos);
  EXPECT_FALSE(set.Find("/../CMakeLists.txt").has_value());
}

}  // namespace
}  // namespace dragoman::server
