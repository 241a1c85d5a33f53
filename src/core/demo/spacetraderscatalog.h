#pragma once

#include <span>

namespace statescope::demo::catalog {

// Fixed reference data of the demo SpaceTraders universe: names and descriptions the
// payloads repeat, as the real API's do. Indices into these lists are what the world
// model stores.

struct Described
{
    const char *symbol;
    const char *name;
    const char *description;
};

struct Good
{
    const char *symbol;
    const char *name;
    const char *description;
    int basePrice;
};

struct Frame
{
    const char *symbol;
    const char *name;
    const char *description;
    int moduleSlots, mountingPoints, fuelCapacity, power, crew;
};

struct Part
{
    const char *symbol;
    const char *name;
    const char *description;
    int value; // powerOutput, speed, capacity or strength depending on the part
    int power, crew;
};

std::span<const char *const> waypointTypes();
std::span<const char *const> factions();
std::span<const char *const> shipRoles();
std::span<const char *const> supplyLevels();
std::span<const char *const> activityLevels();
std::span<const Described> traits();
std::span<const Described> modifiers();
std::span<const Good> goods();
std::span<const Frame> frames();
std::span<const Part> reactors();
std::span<const Part> engines();
std::span<const Part> modules();
std::span<const Part> mounts();

// Trait indices the world model relies on.
int traitIndex(const char *symbol);

} // namespace statescope::demo::catalog
