#include "cache.h"

void use(std::map<int, int> &m) { evict(m, 1); }
