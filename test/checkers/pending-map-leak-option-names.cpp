// Names in the options match as in clang's hasAnyName, as in every other
// check: `Reply` names a class of that name in any namespace (an anonymous
// one included), `::rpc::Table` names exactly that class.
// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-pending-map-leak %t -- \
// RUN:   -config="{CheckOptions: [{key: safedelete-pending-map-leak.PendingTypes, value: 'Reply'}, {key: safedelete-pending-map-leak.CompletionMethods, value: 'send'}, {key: safedelete-pending-map-leak.OneShotCompletionMethods, value: 'send'}, {key: safedelete-pending-map-leak.ContainerTypes, value: '::rpc::Table'}]}"

namespace rpc {
struct Reply {
  void send(int);
};
template <class K, class V> class Table {
public:
  V &at(const K &) { return Value; }
  unsigned erase(const K &) { return 0; }

private:
  V Value;
};
} // namespace rpc

namespace {
struct Reply {
  void send(int) {}
};
} // namespace

namespace other {
template <class K, class V> class Table {
public:
  V &at(const K &k);
  unsigned erase(const K &k);
};
} // namespace other

void qualified(rpc::Table<int, rpc::Reply> &replies, int id) {
  replies.at(id).send(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: entry of 'replies' is completed by 'send' but never removed from the map in 'qualified'; it stays there forever [safedelete-pending-map-leak]
}

void anonymous(rpc::Table<int, Reply> &replies, int id) {
  replies.at(id).send(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: entry of 'replies' is completed by 'send' but never removed from the map in 'anonymous'; it stays there forever [safedelete-pending-map-leak]
}

// Silent: `::rpc::Table` does not name other::Table.
void otherTable(other::Table<int, rpc::Reply> &replies, int id) {
  replies.at(id).send(1);
}

// Silent: removed on the path.
void removed(rpc::Table<int, rpc::Reply> &replies, int id) {
  replies.at(id).send(1);
  replies.erase(id);
}
