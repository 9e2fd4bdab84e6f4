#pragma once
#include <map>
#include <mutex>
#include <string>

class Cache {
public:
  void put(int id, std::string v);
  void drop(int id);
  void forget(int id);
  void sweep();

private:
  std::mutex mu_;
  std::map<int, std::string> entries_;
};
