#include "server/cache.h"

#include <gtest/gtest.h>

namespace dragoman::server {
namespace {

std::shared_ptr<const CachedResponse> Body(size_t n) {
  auto r = std::make_shared<CachedResponse>();
  r->body.assign(n, 'x');
  return r;
}

TEST(CacheTest, HitsOnlyInTheSameGeneration) {
  ResponseCache cache(1 << 20);
  cache.Put("a", 1, Body(10));
  EXPECT_NE(cache.Get("a", 1), nullptr);
  EXPECT_EQ(cache.Get("a", 2), nullptr);
  cache.Put("b", 2, Body(10));  // a newer generation drops the older entries
  EXPECT_EQ(cache.Get("a", 1), nullptr);
  EXPECT_EQ(cache.entries(), 1u);
  cache.Put("c", 1, Body(10));  // computed before the change: not kept
  EXPECT_EQ(cache.Get("c", 1), nullptr);
  EXPECT_EQ(cache.Get("c", 2), nullptr);
}

TEST(CacheTest, EvictsLeastRecentlyUsedWithinTheBudget) {
  ResponseCache cache(4000);
  cache.Put("a", 1, Body(800));
  cache.Put("b", 1, Body(800));
  cache.Put("c", 1, Body(800));
  ASSERT_NE(cache.Get("a", 1), nullptr);  // a is now the most recent
  cache.Put("d", 1, Body(800));
  cache.Put("e", 1, Body(800));
  EXPECT_LE(cache.bytes(), 4000u);
  EXPECT_NE(cache.Get("a", 1), nullptr);
  EXPECT_EQ(cache.Get("b", 1), nullptr);
  cache.Put("huge", 1, Body(2000));  // over a quarter of the budget: not kept
  EXPECT_EQ(cache.Get("huge", 1), nullptr);
}

TEST(CacheTest, ZeroBudgetDisables) {
  ResponseCache cache(0);
  cache.Put("a", 1, Body(1));
  EXPECT_EQ(cache.Get("a", 1), nullptr);
}

}  // namespace
}  // namespace dragoman::server
