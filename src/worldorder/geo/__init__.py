"""Places: an offline gazetteer, toponym resolution and the location of events.

Nothing here reads data at import; build an :class:`OfflineGazetteer` once and pass it in.
"""

from worldorder.geo.gazetteer import Gazetteer, GazetteerEntry, MemoryGazetteer, name_key
from worldorder.geo.location import ArticlePlaces, article_place, dateline_place, event_location, locate_event
from worldorder.geo.offline import OfflineGazetteer
from worldorder.geo.publication import country_of_url
from worldorder.geo.resolve import ResolutionWeights, find_places

__all__ = [
    "ArticlePlaces",
    "Gazetteer",
    "GazetteerEntry",
    "MemoryGazetteer",
    "OfflineGazetteer",
    "ResolutionWeights",
    "article_place",
    "country_of_url",
    "dateline_place",
    "event_location",
    "find_places",
    "locate_event",
    "name_key",
]
