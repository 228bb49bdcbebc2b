"""For bench/search_candidates.py only: Material's search improved as far as its plugin allows.

jieba cuts the index in search mode, which adds every sub-word of a long word (市政务服务和资源
交易服务中心 gives 服务, 资源, 交易, 中心 …) to the words themselves.
"""
import jieba


def on_startup(command, dirty):
    jieba.cut = lambda text, *args, **kwargs: jieba.cut_for_search(text)
