#pragma once
// Every container family the *-families.cpp lit tests walk, one or more per
// library; each check's test covers the same list.
#include <deque>
#include <list>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <absl/container/btree_map.h>
#include <absl/container/btree_set.h>
#include <absl/container/flat_hash_map.h>
#include <absl/container/node_hash_map.h>

#include <boost/container/flat_map.hpp>
#include <boost/unordered_map.hpp>

#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/SmallVector.h>
#include <llvm/ADT/StringMap.h>

#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QMap>
