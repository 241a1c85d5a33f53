#include "spacetraderscatalog.h"

#include <cstring>

namespace statescope::demo::catalog {

namespace {

const char *const kWaypointTypes[] = {
    "PLANET",        "GAS_GIANT",      "MOON",         "ORBITAL_STATION",
    "JUMP_GATE",     "ASTEROID_FIELD", "ASTEROID",     "ENGINEERED_ASTEROID",
    "ASTEROID_BASE", "NEBULA",         "DEBRIS_FIELD", "FUEL_STATION",
};

const char *const kFactions[] = {"COSMIC", "VOID", "GALACTIC", "QUANTUM", "DOMINION"};
const char *const kRoles[] = {"COMMAND", "EXCAVATOR", "HAULER", "SATELLITE", "SURVEYOR"};
const char *const kSupply[] = {"SCARCE", "LIMITED", "MODERATE", "HIGH", "ABUNDANT"};
const char *const kActivity[] = {"WEAK", "GROWING", "STRONG", "RESTRICTED"};

// Some descriptions carry quotes, tabs, new lines, a backslash and non-ASCII text on
// purpose: they exercise JSON escaping, COPY escaping and UTF-8 all the way to jsonb.
const Described kTraits[] = {
    {"MARKETPLACE", "Marketplace",
     "A thriving center of commerce where traders from across the galaxy gather to buy, "
     "sell, and exchange goods."},
    {"SHIPYARD", "Shipyard",
     "A bustling hub for the construction, repair, and sale of various spacecraft, from "
     "single-seat fighters to massive freighters."},
    {"UNCHARTED", "Uncharted",
     "An unexplored region of space, full of potential discoveries and hidden dangers."},
    {"OUTPOST", "Outpost",
     "A small, remote settlement providing essential services and a safe haven for "
     "travelers passing through."},
    {"MINERAL_DEPOSITS", "Mineral Deposits",
     "Abundant mineral resources, attracting mining operations and providing valuable raw "
     "materials for industrial production."},
    {"COMMON_METAL_DEPOSITS", "Common Metal Deposits",
     "A waypoint rich in common metal ores like iron, copper, and aluminum, essential for "
     "construction and manufacturing."},
    {"STRONG_MAGNETOSPHERE", "Strong Magnetosphere",
     "A powerful magnetic field surrounds this waypoint.\nPilots call it \"the hum\"\t"
     "\xe2\x80\x94 navigation computers drift by up to 2\xc2\xa0%."},
    {"VIBRANT_AURORAS", "Vibrant Auroras",
     "A celestial light show caused by the interaction of charged particles with the "
     "atmosphere. Tourists from Z\xc3\xbcrich to S\xc3\xa3o Paulo book the view."},
    {"BARREN", "Barren",
     "A desolate world with a harsh, lifeless landscape. Survey logs are filed under "
     "C:\\fleet\\logs\\barren by habit."},
    {"TEMPERATE", "Temperate",
     "A mild climate with moderate temperature ranges, supporting a diverse range of life "
     "and providing comfortable living conditions."},
    {"INDUSTRIAL", "Industrial",
     "A waypoint dominated by factories and refineries, producing goods for the wider "
     "sector and polluting the local atmosphere."},
    {"HIGH_TECH", "High-Tech",
     "A center of innovation and cutting-edge technology, driving progress and attracting "
     "skilled individuals from around the galaxy."},
    {"MILITARY_BASE", "Military Base",
     "A fortified installation housing a sizeable garrison, projecting power and "
     "maintaining order in the surrounding region."},
    {"ICE_CRYSTALS", "Ice Crystals",
     "Frozen water and volatile compounds in crystal form, harvested for fuel and life "
     "support in nearby settlements."},
    {"EXPLOSIVE_GASES", "Explosive Gases",
     "A hazardous atmosphere rich in reactive gases; refineries pay well for careful "
     "siphoning crews."},
};

const Described kModifiers[] = {
    {"STRIPPED", "Stripped",
     "The resources of this waypoint have been over-extracted, yields are reduced."},
    {"UNSTABLE", "Unstable",
     "Seismic activity makes extraction dangerous; surveys expire quickly."},
    {"RADIATION_LEAK", "Radiation Leak",
     "A reactor accident has contaminated the surface; crews need shielding."},
    {"CIVIL_UNREST", "Civil Unrest", "Protests and strikes disrupt trade at this waypoint."},
};

const Good kGoods[] = {
    {"FUEL", "Fuel", "High-energy fuel used for spacecraft propulsion.", 72},
    {"IRON_ORE", "Iron Ore", "Raw iron ore, smelted into iron.", 18},
    {"COPPER_ORE", "Copper Ore", "Raw copper ore, refined into copper.", 22},
    {"ALUMINUM_ORE", "Aluminum Ore", "Raw aluminum ore, refined into aluminum.", 24},
    {"SILICON_CRYSTALS", "Silicon Crystals", "Crystals used in electronics.", 31},
    {"QUARTZ_SAND", "Quartz Sand", "Fine sand rich in silicon dioxide.", 19},
    {"ICE_WATER", "Ice Water", "Frozen water harvested from asteroids and moons.", 12},
    {"AMMONIA_ICE", "Ammonia Ice", "Frozen ammonia used in fertilizers and fuel.", 27},
    {"LIQUID_HYDROGEN", "Liquid Hydrogen", "Hydrogen cooled to a liquid.", 29},
    {"LIQUID_NITROGEN", "Liquid Nitrogen", "Nitrogen cooled to a liquid.", 26},
    {"PRECIOUS_STONES", "Precious Stones", "Gemstones valued for their rarity.", 58},
    {"IRON", "Iron", "A strong, versatile metal used in construction.", 88},
    {"COPPER", "Copper", "A conductive metal used in wiring.", 102},
    {"ALUMINUM", "Aluminum", "A light metal used in spacecraft hulls.", 96},
    {"PLASTICS", "Plastics", "Synthetic polymers molded into parts.", 74},
    {"FERTILIZERS", "Fertilizers", "Nutrients that speed up crop growth.", 64},
    {"FABRICS", "Fabrics", "Woven textiles for clothing and upholstery.", 91},
    {"FOOD", "Food", "Processed food for crews and colonies.", 81},
    {"MEDICINE", "Medicine", "Pharmaceuticals that treat disease and injury.", 212},
    {"DRUGS", "Drugs", "Recreational substances, regulated in most systems.", 303},
    {"CLOTHING", "Clothing", "Garments for work and leisure.", 164},
    {"ELECTRONICS", "Electronics", "Circuit boards and components.", 288},
    {"MACHINERY", "Machinery", "Heavy equipment for industry.", 341},
    {"MICROPROCESSORS", "Microprocessors", "Computing cores for every device.", 412},
    {"EQUIPMENT", "Equipment", "Tools and instruments for crews.", 256},
    {"FIREARMS", "Firearms", "Personal weapons, licensed sale only.", 379},
    {"ASSAULT_RIFLES", "Assault Rifles", "Military-grade rifles.", 512},
    {"MILITARY_EQUIPMENT", "Military Equipment", "Gear for armed forces.", 688},
    {"EXPLOSIVES", "Explosives", "Charges used in mining and demolition.", 240},
    {"LAB_INSTRUMENTS", "Lab Instruments", "Precision instruments for research.", 497},
    {"SHIP_PLATING", "Ship Plating", "Armor plates for hull repair.", 733},
    {"SHIP_PARTS", "Ship Parts", "Spare parts for spacecraft maintenance.", 812},
    {"ADVANCED_CIRCUITRY", "Advanced Circuitry", "Circuits for high-end systems.", 1104},
    {"REACTOR_FISSION_I", "Fission Reactor I", "A basic fission power reactor.", 2810},
    {"ENGINE_ION_DRIVE_I", "Ion Drive I", "An efficient low-thrust engine.", 3240},
    {"MODULE_CARGO_HOLD_I", "Cargo Hold", "Extra storage for trade goods.", 1960},
    {"MOUNT_MINING_LASER_I", "Mining Laser I", "A laser that breaks up rock.", 2150},
    {"ANTIMATTER", "Antimatter", "Exotic fuel, handled with extreme care.", 9800},
    {"EXOTIC_MATTER", "Exotic Matter", "Matter with negative energy density.", 12400},
    {"QUANTUM_STABILIZERS", "Quantum Stabilizers", "Keep jump fields coherent.", 7600},
    {"NANOBOTS", "Nanobots", "Microscopic machines for repair and manufacture.", 4300},
    {"AI_MAINFRAMES", "AI Mainframes", "Computers running fleet logistics.", 15800},
    {"BIOCOMPOSITES", "Biocomposites", "Grown materials, light and strong.", 1320},
    {"HYDROCARBON", "Hydrocarbon", "Organic compounds used as fuel and feedstock.", 34},
};

const Frame kFrames[] = {
    {"FRAME_FRIGATE", "Frigate",
     "A medium-sized, multi-purpose spacecraft, often used for combat, transport, or "
     "support roles.",
     8, 5, 400, 8, 25},
    {"FRAME_MINER", "Miner",
     "A compact, robust spacecraft designed for mining operations in asteroid fields.", 7, 4, 300,
     4, 10},
    {"FRAME_LIGHT_FREIGHTER", "Light Freighter",
     "A small, fast cargo ship designed for short runs between nearby waypoints.", 8, 2, 800, 5,
     20},
    {"FRAME_PROBE", "Probe",
     "A small, unmanned spacecraft used for exploration, reconnaissance, and scientific "
     "research.",
     0, 0, 0, 1, 0},
};

const Part kReactors[] = {
    {"REACTOR_FISSION_I", "Fission Reactor I",
     "A basic fission power reactor, used to generate electricity from nuclear fission "
     "reactions.",
     31, 0, 8},
    {"REACTOR_CHEMICAL_I", "Chemical Reactor I",
     "A basic chemical power reactor, used to generate electricity from chemical reactions.", 15, 0,
     3},
    {"REACTOR_SOLAR_I", "Solar Reactor I",
     "A basic solar power reactor, used to generate electricity from solar energy.", 3, 0, 0},
};

const Part kEngines[] = {
    {"ENGINE_ION_DRIVE_II", "Ion Drive II",
     "An advanced propulsion system that uses ionized particles to generate high-speed, "
     "low-thrust acceleration, with improved efficiency and performance.",
     30, 6, 8},
    {"ENGINE_ION_DRIVE_I", "Ion Drive I",
     "An advanced propulsion system that uses ionized particles to generate high-speed, "
     "low-thrust acceleration.",
     10, 3, 0},
    {"ENGINE_IMPULSE_DRIVE_I", "Impulse Drive I",
     "A basic low-energy propulsion system that generates thrust for interplanetary travel.", 9, 1,
     0},
};

const Part kModules[] = {
    {"MODULE_CARGO_HOLD_II", "Expanded Cargo Hold",
     "An expanded cargo hold module that provides more efficient storage space for a "
     "ship's cargo.",
     40, 2, 2},
    {"MODULE_CREW_QUARTERS_I", "Crew Quarters",
     "A module that provides living space and amenities for the crew.", 40, 1, 2},
    {"MODULE_MINERAL_PROCESSOR_I", "Mineral Processor",
     "Crushes and processes extracted minerals and ores into their component parts, "
     "filters out impurities, and containerizes them into raw storage units.",
     0, 1, 0},
    {"MODULE_GAS_PROCESSOR_I", "Gas Processor",
     "Filters and processes extracted gases into their component parts.", 0, 1, 0},
    {"MODULE_CARGO_HOLD_I", "Cargo Hold", "A module that increases a ship's cargo capacity.", 15, 1,
     0},
};

const Part kMounts[] = {
    {"MOUNT_SENSOR_ARRAY_II", "Sensor Array II",
     "An advanced sensor array that improves a ship's ability to detect and track other "
     "objects in space with greater accuracy and range.",
     4, 2, 2},
    {"MOUNT_MINING_LASER_II", "Mining Laser II",
     "An advanced mining laser that is more efficient and effective at extracting valuable "
     "minerals from asteroids and other space objects.",
     5, 2, 2},
    {"MOUNT_SURVEYOR_II", "Surveyor II",
     "An advanced survey probe that can be used to gather information about a mineral "
     "deposit with greater accuracy.",
     2, 3, 4},
    {"MOUNT_GAS_SIPHON_I", "Gas Siphon I",
     "A basic gas siphon that can extract gas from gas giants and other gas-rich bodies.", 10, 1,
     0},
};

} // namespace

std::span<const char *const> waypointTypes()
{
    return kWaypointTypes;
}
std::span<const char *const> factions()
{
    return kFactions;
}
std::span<const char *const> shipRoles()
{
    return kRoles;
}
std::span<const char *const> supplyLevels()
{
    return kSupply;
}
std::span<const char *const> activityLevels()
{
    return kActivity;
}
std::span<const Described> traits()
{
    return kTraits;
}
std::span<const Described> modifiers()
{
    return kModifiers;
}
std::span<const Good> goods()
{
    return kGoods;
}
std::span<const Frame> frames()
{
    return kFrames;
}
std::span<const Part> reactors()
{
    return kReactors;
}
std::span<const Part> engines()
{
    return kEngines;
}
std::span<const Part> modules()
{
    return kModules;
}
std::span<const Part> mounts()
{
    return kMounts;
}

int traitIndex(const char *symbol)
{
    for (std::size_t i = 0; i < std::size(kTraits); ++i) {
        if (std::strcmp(kTraits[i].symbol, symbol) == 0)
            return int(i);
    }
    return -1;
}

} // namespace statescope::demo::catalog
