// Assigning or swapping a string replaces a value, not the elements of a
// collection: it is not a removal, even next to a mutex (issue 12, class 3:
// a QString member assigned in a Qt model was reported).
// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-unlocked-erase %t

#include <QtCore/QMutex>
#include <QtCore/QString>
#include <map>
#include <mutex>
#include <string>
#include <vector>

class Model {
public:
  void load(int k) {
    QMutexLocker locker(&mutex_);
    title_ = QString("loaded");
    name_ = "loaded";
    rows_[k] = 1;
    ids_.push_back(k);
  }

  // ===== Silent: strings are values =====
  void rename() { title_ = QString("renamed"); }
  void renameStd() { name_ = "renamed"; }
  void swapName(std::string &other) { std::swap(name_, other); }

  // ===== Flagged: collections lose their elements =====
  void reset() {
    rows_ = std::map<int, int>();
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'operator=' modifies 'rows_' without holding 'mutex_', the mutex that guards it [safedelete-unlocked-erase]
  }
  void swapIds(std::vector<int> &other) {
    std::swap(ids_, other);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::swap' modifies 'ids_' without holding 'mutex_', the mutex that guards it [safedelete-unlocked-erase]
  }

private:
  QMutex mutex_;
  QString title_;
  std::string name_;
  std::map<int, int> rows_;
  std::vector<int> ids_;
};
