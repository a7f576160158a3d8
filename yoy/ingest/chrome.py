"""Site chrome: the one table of page furniture (navigation, forum panels, footers …) a line may be."""

from __future__ import annotations

import re
from dataclasses import dataclass

CHROME_LINE_MAX_CHARS = 160  # chrome rules (except teasers) only match lines this short

@dataclass(frozen=True, slots=True)
class ChromeRule:
    """One kind of site chrome: a pattern on a folded, stripped line.

    `ends` marks chrome that only comes after an article (disclaimers, footers, reply boxes): when a
    report has no closing paragraph, its body ends at the first such line.
    """

    name: str
    pattern: re.Pattern[str]
    ends: bool
    any_length: bool = False


def _rule(name: str, pattern: str, ends: bool = False, any_length: bool = False) -> ChromeRule:
    return ChromeRule(name, re.compile(pattern, re.IGNORECASE), ends, any_length)


# The one table of site chrome. Patterns are anchored or specific enough not to hit report prose,
# and (except teasers) only apply to short lines.
CHROME: tuple[ChromeRule, ...] = (
    _rule("navigation", r"^(?:[•·*>-]\s*)?(?:wap手机版|手机版|设为首页|收藏本站|网站首页|返回首页)"),
    _rule("breadcrumb", r"^(?:当前位置|您的位置|你的位置|您现在的位置)"),
    _rule("timestamp", r"^\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"),
    _rule("teaser", r"^(?:内容摘要|内容提要|摘要)\s*[:：]", any_length=True),
    _rule("forum stats", r"^查看\s*[:：]\s*\d+\s*\|\s*回复\s*[:：]\s*\d+$"),
    _rule("forum links", r"^\[?(?:复制链接|只看该作者|电梯直达|打印|上一主题|下一主题)\]?$"),
    _rule("forum user panel",
          r"^(?:[•·]\s*)?(?:ta的每日心情|签到天数|\[lv\.\d+\]|rank\s*:|在线时间\s*[:：]?$)"),
    _rule("forum user stats", r"^(?:主题|帖子|积分|版主|精华|好友|金钱|威望|贡献|听众|收听)$"),
    _rule("forum counter", r"^\d+(?:\.\d+)?[万千]?$|^\d+\s*(?:秒|分钟|小时|天)前$"),
    _rule("forum post header", r"^发表于\s*\d{4}-\d{1,2}-\d{1,2}|显示全部楼层|阅读模式$"),
    _rule("login prompt", r"您需要登录后才可以|^登录\s*\|\s*(?:立即)?注册|立即注册$", ends=True),
    _rule("reply box", r"^本版积分规则$|快速回复|返回顶部|返回列表", ends=True),
    _rule("service desk",
          r"^客服中心$|^联系电话\s*[:：]?$|^在线咨询$|^周一\s*[~～至-]\s*周[五六日]$", ends=True),
    _rule("disclaimer", r"^(?:免责申明|免责声明|版权声明|特别声明)|^本站为非营利性网站", ends=True),
    _rule("icp", r"icp[备证]\s*\d+|公网安备\s*\d+", ends=True),
    _rule("tags", r"^(?:标签|tags?|关键词|关键字)\s*[:：]", ends=True),
    _rule("related", r"^相关(?:评论|阅读|文章|推荐|新闻|链接)$", ends=True),
    _rule("site owner", r"^(?:主办单位|承办单位|运行维护单位|版权所有|copyright\b|©)", ends=True),
    _rule("powered by", r"^powered by\b", ends=True),
    _rule("contribute", r"有想补充的信息|点我投稿", ends=True),
    _rule("site links",
          r"^(?:[•·-]\s*)?(?:联系我们|关于我们|企业入驻|网站地图|意见反馈|广告服务|友情链接)$", ends=True),
    _rule("byline", r"^[(（][^()（）]{0,16}(?:记者|通讯员|编辑|供稿)[^()（）]{0,24}[)）]$", ends=True),
    _rule("editor", r"^(?:责任编辑|编辑|来源|作者|审核)\s*[:：][^。]{0,30}$"),
    _rule("share", r"^(?:分享到|打印本页|关闭窗口|【打印】|【关闭】)"),
    # Wikisource's licence box and what its page template leaves after it.
    _rule("licence", r"^本作品.{0,80}(?:公有领域|著作权|许可协议|授权)|^public domain$|^注\s*:\s*中文维基文库"
          r"|^(?:true|false)$", ends=True, any_length=True),
)


def chrome_rule(folded_line: str) -> ChromeRule | None:
    """The chrome rule a folded, stripped line matches, if any."""
    short = len(folded_line) <= CHROME_LINE_MAX_CHARS
    for rule in CHROME:
        if (short or rule.any_length) and rule.pattern.search(folded_line):
            return rule
    return None

