"""Page furniture found on news sites everywhere, not on any one site: tool rows, prompts, credits."""

import re

FURNITURE = re.compile(
    r"^\W*(?:copyright\b|©|\(c\)\s*\d{4}|all rights reserved|advertisement\b|advertising\b|sponsored\b"
    r"|skip to\b|sign (?:in|up)\b|log ?in\b|subscribe\b|follow us\b|share (?:this|on)\b|share\b\W*$"
    r"|related\b|most (?:viewed|read|popular|shared|emailed)\b|read more\b|see also\b|more on this\b"
    r"|click here\b|continue reading\b|story continues\b|back to top\b|top of page\b|print (?:this|page)\b"
    r"|e-?mail (?:this|to a friend)\b|adjust font\b|font size\b|text size\b|image (?:caption|copyright)\b"
    r"|photo(?:graph)?:|credit\b|getty images\b|tags?:|topics:|filed under\b|comments?\b|terms? of\b|show "
    r"more\b|\d+\s*min(?:ute)?s?\s+read\b|join (?:our|us)\b|sign up\b"
    r"|privacy\b|cookie|newsletter\b|breaking news\b|watch:|listen:|video:|recommended\b|trending\b)",
    re.IGNORECASE,
)
FURNITURE_ANYWHERE = re.compile(
    r"all rights reserved|opens in (?:a )?new window|subscribe to (?:our|the)\b|sign up for (?:our|the)\b"
    r"|\bour newsletter\b|activation link|successfully subscribed|\(more\)\s*$|>>\s*$|»\s*$|\bclick "
    r"here\b|\bcookies?\b.*\b(?:accept|policy)\b",
    re.IGNORECASE,
)
MENU_SEPARATORS = re.compile(r"\s[|·•]\s|\s\|\s?|\s?\|\s")
# A trail of section names ("World · Europe", "News › Politics › Russia"): each name a capitalised word or
# three, the separators a middle dot, bullet or arrow. Pages print it above the headline.
SECTION_NAME = r"[^\W\d_][\w&'’.-]*(?: (?:&|[\w'’.-]+)){0,2}"
SECTION_TRAIL = re.compile(rf"^{SECTION_NAME}(?:\s*[·•›»]\s*{SECTION_NAME})+$")
CREDIT_AT_END = re.compile(
    r"\((?:AP|AFP|Reuters|EPA|Getty|Xinhua|[A-Z][\w.-]*(?:[ /-][\w.-]+){0,3})"
    r"(?: Photo[^)]*)?\)\s*$|/(?:AP|AFP|Reuters|Getty Images|EPA)\s*$"
)

# The start of a comments section: the article is over (readers' comments are prose too).
COMMENTS = re.compile(
    r"^\W*(?:\d+ |top rated |reader |readers' |view |show |load )comments?\W*$"
    r"|^\W*(?:leave|post|add|write) a (?:comment|reply)\b|^\W*join the (?:conversation|discussion)\b"
    r"|^\W*\d+ (?:comments|responses|replies)\W*$",
    re.IGNORECASE,
)
