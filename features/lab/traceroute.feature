Feature: traceroute finds the routers on the way, as IOS's does
  IOS's traceroute sends UDP probes to ports 33434 and up, three for each TTL from 1. A router on
  the way answers time exceeded, the destination port unreachable; a Cisco router limits its
  unreachables to one every 500 ms, so the second probe to a router's own address is lost.
  Through an IPsec tunnel the peer is the next hop: the Internet between the peers is hidden.

  Background:
    Given the lab "ted-doc"

  Scenario: From a router across the WAN to a PC: one line per hop, three times each
    When I run "traceroute 12.12.12.13" on "Daphne"
    Then the output matches:
      """
      Type escape sequence to abort.
      Tracing the route to 12.12.12.13

        1 11.11.11.2 2 msec 2 msec 2 msec
        2 12.12.12.13 4 msec 4 msec 4 msec
      """

  Scenario: To a router's own address the second probe meets its unreachable rate limit
    When I run "traceroute ip 12.12.12.12" on "Daphne"
    Then the output matches:
      """
      Type escape sequence to abort.
      Tracing the route to 12.12.12.12

        1 12.12.12.12 2 msec *  2 msec
      """

  Scenario: A host's trace through the document's tunnel: TED drops the first probe into it, then the peer is the next hop
    When host "pc-daphne" traces the route to "pc-fred"
    Then the output matches:
      """
      Type escape sequence to abort.
      Tracing the route to 12.12.12.13

        1 13.13.13.13 2 msec 2 msec 2 msec
        2  *
          11.11.11.2 4 msec 4 msec
        3 12.12.12.13 6 msec 6 msec 6 msec
      """
    When I run "show crypto isakmp sa" on "Daphne"
    Then the output contains "11.11.11.2 11.11.11.1 QM_IDLE"
    When host "pc-daphne" traces the route to "pc-fred"
    Then the output contains "2 11.11.11.2 4 msec 4 msec 4 msec"

  Scenario: The extended traceroute from the router's LAN address goes through the tunnel
    When I type on "Daphne":
      """
      traceroute
      ip
      12.12.12.13
      13.13.13.13







      """
    Then the output contains "Source address: 13.13.13.13"
    And the output contains "Port Number [33434]:"
    And the output contains "11.11.11.2 2 msec 2 msec"
    And the output contains "2 12.12.12.13 4 msec 4 msec 4 msec"
    And the debug log of "Daphne" does not contain "%CRYPTO"

  Scenario: A router without a route ends the trace with host unreachables
    When I configure "fred" with:
      """
      no ip route 0.0.0.0 0.0.0.0 11.11.11.1
      """
    And host "pc-fred" traces the route to "99.9.9.9"
    Then the output matches:
      """
      Type escape sequence to abort.
      Tracing the route to 99.9.9.9

        1 12.12.12.12 2 msec 2 msec 2 msec
        2 12.12.12.12 !H  *  !H
      """

  Scenario: A name the router cannot resolve is refused as by ping
    When I run "traceroute nowhere" on "Daphne"
    Then the output is exactly:
      """
      Translating "nowhere"
      % Unrecognized host or address, or protocol not running.
      """
