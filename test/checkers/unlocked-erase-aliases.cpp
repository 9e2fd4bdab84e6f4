// A local reference or pointer bound to a guarded container, in the same
// function, stands for it; a pointer only while nothing can reseat it.
// RUN: %check_clang_tidy -std=c++17-or-later %s safedelete-unlocked-erase %t

#include <map>
#include <mutex>
#include <vector>

using Map = std::map<int, int>;
void take(Map **where);
void look(const Map *p);

class Store {
public:
  void put(int k) {
    std::lock_guard<std::mutex> held(mu_);
    m_[k] = 1;
    n_[k] = 1;
  }

  // ===== Flagged =====
  void reference(int k) {
    auto &m = m_;
    m.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'erase' modifies 'm' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
    // CHECK-FIXES: std::scoped_lock lock(mu_);
    // CHECK-FIXES-NEXT: m.erase(k);
  }
  void pointer(int k) {
    auto *p = &m_;
    p->erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'erase' modifies 'p' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
    // CHECK-FIXES: std::scoped_lock lock(mu_);
    // CHECK-FIXES-NEXT: p->erase(k);
  }
  void pointerDereferenced() {
    Map *const q = &this->m_;
    (*q).clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'clear' modifies '*q' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
    // CHECK-FIXES: std::scoped_lock lock(mu_);
    // CHECK-FIXES-NEXT: (*q).clear();
  }
  void pointerReadThenErase(int k) {
    auto *p = &n_;
    if (p->count(k))
      p->erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'erase' modifies 'p' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
  }
  void pointerToOthers(Store &other, int k) {
    auto *p = &other.m_;
    p->erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'erase' modifies 'p' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
  }
  void referenceToPointee(int k) {
    auto *p = &m_;
    auto &m = *p;
    m.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'erase' modifies 'm' without holding 'mu_', the mutex that guards it [safedelete-unlocked-erase]
  }

  // ===== Silent =====
  void pointerHeld(int k) {
    std::lock_guard<std::mutex> held(mu_);
    auto *p = &m_;
    p->erase(k);
  }
  void referenceHeld(int k) {
    auto &m = m_;
    std::lock_guard<std::mutex> held(mu_);
    m.erase(k);
  }
  void pointerReseated(int k, bool b) {
    auto *p = &m_;
    if (b)
      p = &local_;
    p->erase(k);
  }
  void pointerIncremented(int k) {
    Map *p = &m_;
    ++p;
    p->erase(k);
  }
  void pointerEscapes(int k) {
    auto *p = &m_;
    take(&p);
    p->erase(k);
  }
  void pointerPassedOn(int k) {
    auto *p = &m_;
    look(p);
    p->erase(k);
  }
  void pointerChosen(int k, bool b) {
    auto *p = b ? &m_ : &local_;
    p->erase(k);
  }
  void pointerAssignedLater(int k) {
    Map *p;
    p = &m_;
    p->erase(k);
  }
  void pointerParameter(Map *p, int k) { p->erase(k); }
  void pointerToLocal(int k) {
    Map mine;
    auto *p = &mine;
    p->erase(k);
  }
  void pointerToOthersOwnLockHeld(Store &other, int k) {
    std::lock_guard<std::mutex> held(other.mu_);
    auto *p = &other.m_;
    p->erase(k);
  }
  void pointerToElement(int k) {
    std::lock_guard<std::mutex> held(mu_);
    auto *v = &vs_[0];
    v->clear();
  }

private:
  std::mutex mu_;
  Map m_, n_, local_;
  std::vector<std::vector<int>> vs_;
};
